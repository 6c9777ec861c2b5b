@testable import CaseLensCore
import CaseLensLexicons
import XCTest

/// Whole-record reading: people and roles, court outcomes and "alleged", plans, file-level signals.
final class RecordTests: XCTestCase {
    nonisolated(unsafe) static let checker: Checker = try! Checker(try! BuiltInLexicon.compiled())

    func report(_ text: String) -> FileReport { Self.checker.check(Document(name: "t", text: text)) }
    func rules(_ text: String) -> [String] { report(text).findings.filter { $0.context == nil }.map(\.rule) }
    func role(_ r: FileReport, _ name: String) -> PersonRole? { r.record?.people.all.first { $0.name.contains(name) }?.role }

    func testRolesComeFromFieldsAndWhoDidWhat() {
        let r = report("""
        Child: Tia Morris (6)
        Person causing harm: Dean Morris (father)
        Mother: Kayleigh Morris

        On 3 May Mr Morris punched Ms Morris in the face.
        """)
        XCTAssertEqual(role(r, "Dean Morris"), .personCausingHarm)
        XCTAssertEqual(role(r, "Kayleigh Morris"), .victim)
        XCTAssertEqual(role(r, "Tia Morris"), .child)
        XCTAssertEqual(r.record?.perpetrator?.display, "Mr Morris")
        // "(1st respondent)" is an ordinal, not an age.
        let court = report("Children: Poppy Sutton (9)\nMother: Gemma Sutton (1st respondent)\nFather: Nathan Sutton (2nd respondent)\n")
        XCTAssertEqual(role(court, "Poppy"), .child)
        XCTAssertNotEqual(role(court, "Gemma"), .child)
        XCTAssertNotEqual(role(court, "Nathan"), .child)
    }

    func testASemicolonBeforeALabelStartsANewField() {
        // "Father:" after a semicolon is his own field, not part of her name under "Mother".
        let r = report("""
        Children: Ahmed Ibekwe (11)
        Mother: Esra Ibekwe; Father: Tomasz Ibekwe
        Perpetrator: Tomasz Ibekwe

        On 3 May Mr Ibekwe pushed Ms Ibekwe into a door.
        """)
        let names = r.record?.people.all.map(\.name) ?? []
        XCTAssertFalse(names.contains { $0.contains(":") }, "\(names)")
        XCTAssertEqual(r.record?.people.all.first { $0.name == "Tomasz Ibekwe" }?.kinship, "father")
        XCTAssertEqual(role(r, "Tomasz Ibekwe"), .personCausingHarm)
        XCTAssertEqual(role(r, "Esra Ibekwe"), .victim)
        // A semicolon before words that are no label stays inside the value.
        let plain = report("Children: Tia Khan (7); Jayden Khan (4)\n")
        XCTAssertEqual(role(plain, "Jayden Khan"), .child)
    }

    func testATitleGoesToTheSameSurnamePersonOfItsGender() {
        // "husband" after the name in a field links him; "Mr Nandakumar" is then him, not her, and
        // "Ms Nandakumar" is her. A section word before a colon ("Risk factors:") is nobody.
        let r = report("""
        Victim: Priya Nandakumar (34)
        Perpetrator: Sunil Nandakumar (38), husband
        Risk factors: strangulation, threats to kill.

        Mr Nandakumar lost his job in January. Ms Nandakumar received bruising to her throat.
        """)
        XCTAssertEqual(r.record?.people.all.first { $0.forename == "Sunil" }?.kinship, "husband")
        XCTAssertEqual(r.record?.people.all.first { $0.forename == "Sunil" }?.title, "Mr")
        XCTAssertEqual(r.record?.people.all.first { $0.forename == "Priya" }?.title, "Ms")
        XCTAssertNil(r.record?.people.all.first { $0.name == "Risk" })
        XCTAssertEqual(r.findings.first { $0.rule == "absent-perpetrator.victim-sustained-injuries" }?.suggestion,
                       "Mr Nandakumar gave Ms Nandakumar bruising")
    }

    func testTelegraphicLogsLinesOfTheirOwnSetActionsAndAFamilyWordDoesNotNameHim() {
        // A duty log: "Mum to contact police …" on a line of its own sets her an action (and the
        // plan nothing for him); "Dad" alone never names the person causing harm.
        let log = report("""
        Call from police re domestic abuse at the family address.
        Mum says Dad hit her when he came to drop the kids off.
        Mum to contact police should Dad return.
        """)
        XCTAssertTrue(log.findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
        XCTAssertTrue(log.findings.contains { $0.rule == "absent-perpetrator.unnamed" })
        // Inside a wrapped, indented paragraph it is narrative, not a plan line.
        let wrapped = report("02/03/2025  Police attended after Mr Platt hit Ms Dunn.\n            Mum to continue to keep Harley away from Mr Platt.\n")
        XCTAssertFalse(wrapped.findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
        // A family word closing a bracket after a name links them: he is named.
        let named = report("Concern: Gavin Pearce (Hollie's former partner; Daisy's father) assaulted Hollie on 20/01/2025.\n")
        XCTAssertEqual(named.record?.people.all.first { $0.surname == "Pearce" }?.kinship, "father")
        XCTAssertFalse(named.findings.contains { $0.rule == "absent-perpetrator.unnamed" })
    }

    func testAHarmWordBeforeANounIsAnAdjectiveWithNoSubject() {
        let r = report("Ms Young described controlling behaviour over several years. Adviser Tom Price met Ms Young re coerced debt.")
        XCTAssertNotEqual(role(r, "Young"), .personCausingHarm)
        XCTAssertNotEqual(role(r, "Price"), .personCausingHarm)
        // An -ing form after "was" is active, and a verb with an object is still read.
        XCTAssertEqual(role(report("Mr Khan was controlling and jealous."), "Khan"), .personCausingHarm)
        XCTAssertEqual(role(report("Mr Khan punched him and kicked out at the door."), "Khan"), .personCausingHarm)
    }

    func testTheOneConvictedOfAbuseCausedHarm() {
        let r = report("Mr Dale was convicted of assaulting Ms Green on 3/4/2024. Mum is worried about his release.")
        XCTAssertEqual(role(r, "Dale"), .personCausingHarm)
        XCTAssertEqual(role(r, "Green"), .victim)
        XCTAssertEqual(role(report("In 2023 Lee Hart pleaded guilty to common assault against Ms Cole."), "Hart"), .personCausingHarm)
        // A conviction for something else says nothing about who abused whom.
        XCTAssertNotEqual(role(report("Ms Green was convicted of shoplifting in 2019."), "Green"), .personCausingHarm)
        // A passive harm verb after a conviction keeps its own reading: Owen was the one hurt.
        XCTAssertNotEqual(role(report("Owen says he was scratched and bitten by Jade during a row."), "Owen"), .personCausingHarm)
    }

    func testAbusiveMotherAndMaleVictimAreNotAssumedAway() {
        let r = report("""
        Mother: Sharon Price
        Father: Neil Price

        Ms Price hit Mr Price with a saucepan while the children watched. Mr Price was injured.
        """)
        XCTAssertEqual(role(r, "Sharon Price"), .personCausingHarm)
        XCTAssertEqual(role(r, "Neil Price"), .victim)
    }

    func testAWomanHarmingAManIsReadWithTheSexesWordsExchanged() {
        // She hit him: "he needs to protect the children" sets the victim the task, "when she's
        // stressed" excuses the person causing harm, and the suggestion's own "her" becomes "him".
        let reversed = report("""
        Call from Mr Ashley Pearce (dad). Mum: Ms Toni Pearce.
        Says Toni threw a plate that hit him on the head. She has hit him before.
        Mum lashes out when she is stressed.
        Advised Dad that he needs to protect the children.
        """)
        XCTAssertEqual(reversed.record?.womanHarmsMan, true)
        XCTAssertEqual(role(reversed, "Toni"), .personCausingHarm)
        XCTAssertNil(reversed.record?.people.all.first { $0.name.hasPrefix("Says") })
        XCTAssert(reversed.findings.contains { $0.rule == "victim-tasked.keep-children-safe" && $0.text == "he needs to protect the children" })
        // The same record the usual way round is not exchanged, and "he needs to" is his task.
        let usual = report("""
        Call from Ms Toni Pearce (mum). Dad: Mr Ashley Pearce.
        Says Ashley threw a plate that hit her on the head. He has hit her before.
        Advised Dad that he needs to attend a perpetrator programme.
        """)
        XCTAssertEqual(usual.record?.womanHarmsMan, false)
        // Two women: no exchange (the victim is a woman).
        let couple = report("""
        Victim: Ms Lauren Adeyemi   Perpetrator: Ms Kirsty Vaughan
        Ms Vaughan bit Ms Adeyemi on the arm. She has hit her before.
        """)
        XCTAssertEqual(couple.record?.womanHarmsMan, false)
        let exchange = Self.checker.compiled.genderExchange, words = Self.checker.compiled.recordWords
        XCTAssertEqual(exchange.exchangeWords(in: "{perpetrator} to stop hurting her; with him, {1} keeps her children safe", words: words),
                       "{perpetrator} to stop hurting him; with her, {1} keeps his children safe")
        XCTAssertEqual(exchange.exchangeWords(in: "He told her to go", words: words), "She told him to go")
    }

    func testAWrittenAgreementInHerOwnVoiceIsReadAsHers() {
        // "I, Shannon Birch, agree": her "I will not allow Kyle into my home" is a task set for her.
        let hers = report("""
        WRITTEN AGREEMENT
        Parent: Shannon Birch (mother)
        I, Shannon Birch, agree to the following:
        1. I will not allow Kyle Mercer into my home.
        2. I will attend the Freedom Programme.
        """)
        XCTAssertNotNil(hers.record?.declaration)
        XCTAssert(hers.findings.contains { $0.rule == "victim-tasked.not-to-allow" && $0.line == 4 })
        // His agreement is his: his "I will attend" is not her task.
        let his = report("""
        WRITTEN AGREEMENT
        Perpetrator: Kyle Mercer
        Kyle Mercer punched Shannon Birch.
        I, Kyle Mercer, agree to the following:
        1. I will not go to Shannon's home.
        2. I will attend a perpetrator programme.
        """)
        XCTAssertNil(his.record?.declaration)
        XCTAssertFalse(his.findings.contains { $0.category == .victimTasked && $0.scope == .span })
        // A working agreement in her words with no "I, NAME": the mother's.
        let unnamed = report("""
        WORKING AGREEMENT
        Between: Kelly Marsh (mother) and Westfield Children's Services
        What I agree to do:
        1. I will not let Jason Reeve into the house.
        """)
        XCTAssertNotNil(unnamed.record?.declaration)
        XCTAssert(unnamed.findings.contains { $0.category == .victimTasked && $0.line == 4 })
        // Without the declaration a worker's "I will" stays the worker's.
        XCTAssertNil(report("I will visit Ms Birch on Monday and I will call the police if Kyle is there.").record?.declaration)
    }

    func testAParentListedAsPresentIsStillAParent() {
        let r = report("""
        Parents: Ms Stacey Cole (mother), Mr Ryan Cole (father)
        Present: Ms Cole, D. Marsh (Chair), HV
        Ms Cole has been uncooperative with police on previous occasions.
        """)
        XCTAssertNotEqual(role(r, "Stacey"), .professional)
        XCTAssert(r.findings.contains { $0.rule == "pathologising.uncooperative" })
    }

    func testShorthandPassivesAndNounsOfHarm() {
        // "Mum assaulted, black eye" and "strangled until she passed out" were done to her; a list
        // of verbs is still his; "intentional strangulation" names no one doing it.
        let r = report("""
        Mother: Rebecca Lyle   Father: Shane Doherty
        12/04/2021 Police: Mum assaulted, black eye. Dad arrested.
        27/01/2022 Police: Mum strangled until she passed out. Shane Doherty charged with intentional strangulation.
        03/03/2022 Mr Doherty punched, kicked and strangled her.
        """)
        XCTAssertEqual(role(r, "Rebecca"), .victim)
        XCTAssertEqual(role(r, "Shane"), .personCausingHarm)
        // A place or a part of the body after the verb: done to her. What he damaged is not a place.
        let place = report("""
        Mother: Kerry Naylor   Father: Jason Webb
        02/02/2023 Police: Mum assaulted in kitchen - black eye. Dad arrested.
        09/03/2023 Police: Mum punched in the face while holding the baby.
        """)
        XCTAssertEqual(role(place, "Kerry"), .victim)
        XCTAssertNotEqual(role(place, "Kerry"), .personCausingHarm)
        let door = report("Mother: Kerry Naylor   Father: Jason Webb\n\n03/03/2023 Police: Jason Webb kicked in the kitchen door and smashed in the front window.\n")
        XCTAssertEqual(role(door, "Jason"), .personCausingHarm)
    }

    func testVictimDirectedRulesDoNotFireAtThePersonCausingHarm() {
        // The mother is the person causing harm: actions set for her are good practice.
        let abusiveMother = """
        Person causing harm: Lisa Grant (mother)
        Father: Paul Grant

        Plan:
        - Mum to call the police if he comes to the house.
        - Ms Grant to keep the children away from him.
        - Mum to attend the Freedom Programme.
        """
        let found = rules(abusiveMother)
        XCTAssertFalse(found.contains { $0.hasPrefix("victim-tasked.") && $0 != "victim-tasked.plan-imbalance" }, "\(found)")
        // The same plan lines where the record says the mother is the victim are flagged.
        let victimMother = abusiveMother.replacingOccurrences(of: "Person causing harm: Lisa Grant (mother)\nFather: Paul Grant",
                                                               with: "Victim: Lisa Grant (mother)\nPerson causing harm: Paul Grant (father)")
        XCTAssertTrue(rules(victimMother).contains { $0.hasPrefix("victim-tasked.") }, "\(rules(victimMother))")
        // A record that says nothing keeps the lexical reading.
        XCTAssertTrue(rules("Plan:\n- Mum to call the police if he returns.").contains { $0.hasPrefix("victim-tasked.") })
    }

    func testAPronounIsResolvedOnlyToTheOneAdultItCanBe() {
        let abusiveMother = """
        Person causing harm: Lisa Grant (mother)
        Victim: Paul Grant (father)

        Plan:
        - She is to attend the Freedom Programme.
        """
        XCTAssertFalse(rules(abusiveMother).contains { $0.hasPrefix("victim-tasked.") && $0 != "victim-tasked.plan-imbalance" }, "\(rules(abusiveMother))")
        let victimMother = """
        Victim: Lisa Grant (mother)
        Person causing harm: Paul Grant (father)

        Plan:
        - She is to attend the Freedom Programme.
        """
        XCTAssertTrue(rules(victimMother).contains { $0.hasPrefix("victim-tasked.") }, "\(rules(victimMother))")
        // Two women in the family: "she" could be either, so the lexical reading stands.
        var people = People(words: Self.checker.compiled.recordWords.person)
        _ = people.person(named: ["Ms", "Grant"], titles: ["ms"])
        _ = people.person(named: ["Mrs", "Okafor"], titles: ["mrs"])
        XCTAssertNil(people.referent(ofPronoun: "she"))
        XCTAssertNil(people.referent(ofPronoun: "he"))
    }

    func testAHarmWordAfterADeterminerIsANounWithNoSubject() {
        let r = report("Wayne lives with Shannon Kirby. Wayne has given Shannon a few slaps when he is coming down off crack.")
        XCTAssertNotEqual(role(r, "Shannon"), .personCausingHarm)
        // An owner is not the subject of a harm word after it.
        let owner = report("Mrs Dhillon's allegations of domestic abuse, including non-fatal strangulation, have not been tested.")
        XCTAssertNotEqual(role(owner, "Dhillon"), .personCausingHarm)
        // Self-harm harms no one else.
        XCTAssertNotEqual(role(report("Ellie Marsh is 15. Ellie said she self-harms after these episodes."), "Ellie"), .personCausingHarm)
    }

    func testAnObjectBeforeAHarmVerbIsNotItsSubject() {
        // "her mother" is the object of "shouts at"; the one who threw is the stepfather.
        let r = report("Ellie told me that her stepfather, Mr Gary Marsh, shouts at her mother, Mrs Lorraine Marsh, calls her useless and last summer threw a mug at her.")
        XCTAssertNotEqual(role(r, "Lorraine"), .personCausingHarm)
        XCTAssertEqual(role(r, "Gary"), .personCausingHarm)
        // The object of a harm verb is not the subject of the next one.
        let hit = report("Dean Morris punched Kelly Ashworth and then kicked the dog.")
        XCTAssertEqual(role(hit, "Dean"), .personCausingHarm)
        XCTAssertNotEqual(role(hit, "Kelly"), .personCausingHarm)
        // A subject is still read when no preposition comes before it.
        XCTAssertEqual(role(report("At the contact session Craig Lowe grabbed the phone and pushed Amy Lowe."), "Craig"), .personCausingHarm)
    }

    func testTheNameBeforeAMatchIsItsSubject() {
        // The pattern "was very hostile to the social worker" has no subject of its own: the name
        // just before it is read as the subject, and resolved by the record.
        let note = """
        Person causing harm: Lee Price (father)
        Victim: Dana Price (mother)

        Lee punched Dana on 3 May. Lee was very hostile to the social worker. Dana was very hostile to the social worker.
        """
        let found = report(note).findings.filter { $0.rule == "pathologising.hostile-to-professionals" }
        XCTAssertEqual(found.map(\.line), [4], "\(found)")
        XCTAssertEqual(found.first.map { Array(note.utf8)[..<$0.start!] }.map { String(decoding: $0.suffix(5), as: UTF8.self) }, "Dana ")
    }

    func testATitledNameDoesNotPushNegationOutOfReach() {
        XCTAssertFalse(rules("There is no suggestion that Mrs Dhillon has failed to protect the children.").contains("victim-blaming.failure-to-protect"))
        XCTAssertFalse(rules("There is no suggestion that Ms Kelly Grant failed to protect the children.").contains("victim-blaming.failure-to-protect"))
        XCTAssertTrue(rules("Mrs Dhillon has failed to protect the children.").contains("victim-blaming.failure-to-protect"))
        // Untitled words still count: the window is three words.
        XCTAssertTrue(rules("No action was taken after she failed to protect the children.").contains("victim-blaming.failure-to-protect"))
    }

    /// `<Name>` takes a capitalised word only if it can be a name: not "Monday", "The" or "He".
    func testNameSkipsWordsThatAreNeverNames() {
        XCTAssertTrue(rules("Leanne was chaotic.").contains("pathologising.chaotic-or-unstable"))
        XCTAssertFalse(rules("Monday was chaotic.").contains("pathologising.chaotic-or-unstable"))
    }

    func testReferentNeedsOneAgreeingPerson() {
        var people = People(words: Self.checker.compiled.recordWords.person)
        let titles: Set<String> = ["mr", "ms", "mrs", "miss"]
        let lisa = people.person(named: ["Lisa", "Grant"], titles: titles, kinship: "mother")!
        people.all[lisa].role = .personCausingHarm
        let paul = people.person(named: ["Paul", "Grant"], titles: titles, kinship: "father")!
        people.all[paul].role = .victim
        XCTAssertEqual(people.referent(of: ["Mum"])?.name, "Lisa Grant")
        XCTAssertEqual(people.referent(of: ["the", "mother"])?.name, "Lisa Grant")
        XCTAssertEqual(people.referent(of: ["Ms", "Grant"])?.name, "Lisa Grant")
        XCTAssertEqual(people.referent(of: ["Mr", "Grant"])?.name, "Paul Grant")
        XCTAssertNil(people.referent(of: ["Grant"]), "two Grants: ambiguous")
        XCTAssertNil(people.referent(of: ["she"]))
        XCTAssertNil(people.referent(of: ["Ms", "Okafor"]))
    }

    func testSuggestionsNameAFewChildrenAndSayTheChildrenForMore() {
        func suggestion(_ children: String) -> String {
            let r = report("Children: \(children)\nMother: Kayleigh Morris\nPerson causing harm: Dean Morris (father)\n\nMum to keep the children away from Dean.\n")
            return r.findings.first { $0.rule == "victim-tasked.keep-children-away" }?.suggestion ?? "nil"
        }
        XCTAssertTrue(suggestion("Tia Morris (6), Jayden Morris (4)").contains("Tia Morris and Jayden Morris"))
        let many = suggestion("Tia Morris (9), Jayden Morris (8), Kian Morris (6), Ruby Morris (4), Alfie Morris (2)")
        XCTAssertTrue(many.contains("the children") && !many.contains("Alfie"), many)
    }

    func testSuggestionsUseTheResolvedName() {
        let r = report("Person causing harm: Dean Morris\n\nKayleigh was assaulted on Friday.")
        let f = r.findings.first { $0.category == .absentPerpetrator && $0.scope == .span }
        XCTAssertNotNil(f, "\(r.findings.map(\.rule))")
        XCTAssertTrue(f?.suggestion?.contains("Dean Morris") ?? false, f?.suggestion ?? "nil")
    }

    func testAllegedAfterConvictionIsHighAndBeforeIsFine() {
        let after = rules("""
        02/05/2024 – Mr Khan was convicted of assaulting Ms Begum.
        10/06/2024 – SW discussed the alleged assault with Ms Begum.
        """)
        XCTAssertTrue(after.contains("doubting.alleged-after-outcome"), "\(after)")
        let before = rules("""
        02/05/2024 – SW discussed the alleged assault with Ms Begum.
        10/06/2024 – Mr Khan was convicted of assaulting Ms Begum.
        """)
        XCTAssertFalse(before.contains("doubting.alleged-after-outcome"), "\(before)")
        // Entries out of order: the entry dated before the conviction is not flagged.
        let outOfOrder = rules("""
        10/06/2024 – Mr Khan pleaded guilty to assaulting Ms Begum.
        01/03/2024 – Police report the alleged assault of Ms Begum.
        """)
        XCTAssertFalse(outOfOrder.contains("doubting.alleged-after-outcome"), "\(outOfOrder)")
        let acquitted = rules("Mr Khan was found not guilty at trial. The alleged assault is still discussed at core group.")
        XCTAssertFalse(acquitted.contains("doubting.alleged-after-outcome"), "\(acquitted)")
        let newMatter = rules("Mr Khan pleaded guilty in May. Police are investigating a further alleged breach in June.")
        XCTAssertFalse(newMatter.contains("doubting.alleged-after-outcome"), "\(newMatter)")
    }

    func testPassivesWithAnAgentOrNotAboutAbuseAreFine() {
        XCTAssertFalse(rules("Ms Begum was assaulted by Mr Khan on 3 March.").contains { $0.hasPrefix("absent-perpetrator") })
        XCTAssertFalse(rules("Ms Begum was admitted to hospital and was referred by her GP.").contains { $0.hasPrefix("absent-perpetrator") })
        XCTAssertTrue(rules("Ms Begum was assaulted on 3 March.").contains { $0.hasPrefix("absent-perpetrator") })
    }

    func testPlanImbalance() {
        let victimOnly = rules("""
        Child protection plan
        - Mum to call the police if Dad comes to the house.
        - Mum to attend the Freedom Programme.
        - SW to visit every two weeks.
        """)
        XCTAssertTrue(victimOnly.contains("victim-tasked.plan-imbalance"), "\(victimOnly)")
        let balanced = rules("""
        Child protection plan
        - Mum to call the police if Dad comes to the house.
        - Dad to attend the Drive programme and meet the SW monthly.
        - SW to visit every two weeks.
        """)
        XCTAssertFalse(balanced.contains("victim-tasked.plan-imbalance"), "\(balanced)")
        // A joint line is not an action of his own.
        let joint = rules("""
        Person causing harm: Craig Hale (father)
        Victim: Natalie Hale (mother)

        Child protection plan
        - Natalie to call the police if Craig comes to the house.
        - Natalie and Craig to be referred to Relate.
        - SW to visit every two weeks.
        """)
        XCTAssertTrue(joint.contains("victim-tasked.plan-imbalance"), "\(joint)")
        // Being referred or offered a service is done for him, not an action of his; being
        // prepared to act is still his, and so is being seen about his violence.
        let doneTo = rules("""
        Child protection plan
        - Mum to call the police if Dad comes to the house.
        - Dad to be referred by SW to the Drive programme and offered a parenting course.
        - SW to visit every two weeks.
        """)
        XCTAssertTrue(doneTo.contains("victim-tasked.plan-imbalance"), "\(doneTo)")
        let his = rules("""
        Child protection plan
        - Mum to call the police if Dad comes to the house.
        - Dad to be prepared to attend the Drive programme.
        - SW to visit every two weeks.
        """)
        XCTAssertFalse(his.contains("victim-tasked.plan-imbalance"), "\(his)")
        let seen = rules("""
        Child protection plan
        - Mum to call the police if Dad comes to the house.
        - Dad to be seen by the SW about his violence.
        """)
        XCTAssertFalse(seen.contains("victim-tasked.plan-imbalance"), "\(seen)")
        // A heading with its actions on the same line, several to a line.
        let inline = rules("""
        Mark Tully punched Ms Wrobel twice.
        Safety plan: Ms Wrobel to stay at her sister's address. Ward staff to call police if he comes to the ward. Ms Wrobel to call the police if he comes near her.
        """)
        XCTAssertTrue(inline.contains("victim-tasked.plan-imbalance"), "\(inline)")
        let inlineBalanced = rules("""
        Mark Tully punched Ms Wrobel twice.
        Safety plan: Ms Wrobel to call the police if he comes near her. Mr Tully to attend the Drive programme.
        """)
        XCTAssertFalse(inlineBalanced.contains("victim-tasked.plan-imbalance"), "\(inlineBalanced)")
        let advised = rules("""
        Child protection plan
        - Mum to be advised to call the police if Dad comes to the house.
        - SW to visit every two weeks.
        """)
        XCTAssertTrue(advised.contains("victim-tasked.plan-imbalance"), "\(advised)")
        // Lettered items, and a plan whose only other lines are not actions: "What needs to
        // happen" and "Mum was pushed to the floor" name no actor.
        let lettered = rules("""
        Reason for plan
        On 22/03/2025 Mum was pushed to the floor and kicked.

        What needs to happen
        a) Ms Holmes must not allow Mr Holmes to have any contact with the children.
        b) Ms Holmes to call the police if Mr Holmes comes to the house.
        c) SW to visit every two weeks.
        """)
        XCTAssertTrue(lettered.contains("victim-tasked.plan-imbalance"), "\(lettered)")
        // A session log's timed entries are not plan actions.
        let log = rules("""
        00:35 Ms Lowe agreed that she will not let Mr Pike into the property and will ring 999 if he comes back.
        00:40 Advised police to request bail conditions.
        """)
        XCTAssertFalse(log.contains("victim-tasked.plan-imbalance"), "\(log)")
        // A written agreement in the first person.
        let agreement = rules("""
        I, Hollie Brooks, agree that:
        1. I will not allow Gavin Pearce into my home.
        2. I will contact the police straight away if Gavin comes to the house.
        """)
        XCTAssertTrue(agreement.contains("victim-tasked.plan-imbalance"), "\(agreement)")
    }

    func testListItemMarkers() {
        func end(_ line: String) -> Int? { let b = Array(line.utf8); return RecordReader.itemMarkerEnd(b, from: 0, to: b.count) }
        XCTAssertEqual(end("- Mum to"), 1)
        XCTAssertEqual(end("• Mum to"), 3)
        XCTAssertEqual(end("12. Mum to"), 3)
        XCTAssertEqual(end("3) Mum to"), 2)
        XCTAssertEqual(end("d) Ms Holmes"), 2)
        XCTAssertEqual(end("(b) Dad to"), 3)
        XCTAssertEqual(end("iv) SW to"), 3)
        XCTAssertNil(end("00:35 Ms Lowe"))
        XCTAssertNil(end("12/03/2024 Mum"))
        XCTAssertNil(end("Mum to call"))
        XCTAssertNil(end("A. Smith attended"))
    }

    func testPerpetratorNonEngagementWithFollowUpIsNotUnnamed() {
        let r = rules("""
        Person causing harm: Scott Ferris
        Mr Ferris punched Ms Cole on 2 March. SW wrote to Mr Ferris and visited twice; he has not engaged. SW will try again with probation.
        """)
        XCTAssertFalse(r.contains("absent-perpetrator.unnamed"), "\(r)")
    }

    func testUnnamedWhenAbuseHasNoNamedPerpetrator() {
        let r = rules("""
        Mother: Gemma Parry
        Police attended after a 999 call. Mum had been assaulted and had a cut lip. There has been domestic abuse in the home for a year.
        """)
        XCTAssertTrue(r.contains("absent-perpetrator.unnamed"), "\(r)")
        // A first name the record ties to the family names him.
        let nickname = rules("""
        Mia told me "Gaz was shouting and mummy was crying on the floor". Gaz is mummy's boyfriend.
        We are worried there may be domestic violence going on at home.
        """)
        XCTAssertFalse(nickname.contains("absent-perpetrator.unnamed"), "\(nickname)")
        // A narrative that calls him by the form's label ("suspect") deals with him.
        let suspect = rules("""
        IP: Gemma Lacey (31)   Suspect: Wayne Lacey (36), husband

        IP states suspect put both hands around her throat. Suspect arrested on suspicion of ABH.
        There have been 3 prior domestic abuse reports at this address.
        """)
        XCTAssertFalse(suspect.contains("absent-perpetrator.unnamed"), "\(suspect)")
        // So does a police narrative's "the male" for the person its Suspect field names.
        let male = rules("""
        Aggrieved: Natalie Crewe (29)
        Suspect: Ryan Whitcombe (31), partner

        The female states the male grabbed her by the hair. Male removed from the address for the night.
        """)
        XCTAssertFalse(male.contains("absent-perpetrator.unnamed"), "\(male)")
    }

    func testOnlyTheNameOfWhoeverCausesHarmNamesHim() {
        // The mother's name does not name the man the record shows hitting her, and with no one
        // shown causing harm a woman of the family is taken for the victim, not for him.
        let dad = rules("""
        Call from police re DA at the family address.
        Mum (Kirsty) says she was hit by Dad when he came to drop the kids off.
        """)
        XCTAssertTrue(dad.contains("absent-perpetrator.unnamed"), "\(dad)")
        let mum = rules("""
        Present: Mum (Shannon), Lacey (7).
        The kids have witnessed a lot of DA at home over the last year.
        """)
        XCTAssertTrue(mum.contains("absent-perpetrator.unnamed"), "\(mum)")
        // A lone capital ("A&E") and a verb opening a telegraphic line ("Advised Mum …") are not
        // names.
        let r = report("She attended A&E with injuries caused by her ex-partner. Advised Mum to keep the door locked.")
        XCTAssertNil(r.record?.people.all.first { $0.name == "E" || $0.name.hasPrefix("Advised") })
    }

    func testDutyLogAdviceSetsAnActionAndSustainedInjuriesAreSuffered() {
        // "Advised Mum to …" opening a line sets Mum the action; "sustained injuries" is what she
        // suffered, not what she did.
        let r = report("""
        Household: Chantelle Turner (mother, 19).
        Chantelle sustained injuries to her neck and left eye.
        Rang Mum 11:40.
        Advised Mum to ring 999 straight away if he comes back to the house.
        """)
        XCTAssertEqual(r.record?.actions.map(\.actor), ["Mum"])
        XCTAssertNotEqual(role(r, "Chantelle"), .personCausingHarm)
    }

    func testFormLabelsAndInchMarks() {
        // "suspect" in the narrative is the person the Suspect field names, for every verb it is
        // the subject of; an inch mark after a number opens no quotation.
        let r = report("""
        IP: Ms Stacey Knight (26)   Suspect: Mr Jamie Knight (28), husband
        IP claims suspect slapped her and dragged her down the stairs by her hair.
        """)
        XCTAssertEqual(r.record?.people.all.filter { $0.role == .personCausingHarm }.map(\.name), ["Mr Jamie Knight"])
        let q = report("Big lad (6'3\"), embarrassed. Prob six of one and half a dozen of the other.")
        XCTAssertEqual(q.findings.first { $0.rule == "mutualising.both-to-blame" }?.context, nil)
        XCTAssertTrue(q.findings.contains { $0.rule == "mutualising.both-to-blame" })
    }

    func testACopulaTiesANameToItsFamilyWord() {
        let r = report("Gaz is mummy's boyfriend and picks Mia up on Fridays. Dean Morris was her partner until May.")
        XCTAssertEqual(r.record?.people.all.first { $0.name == "Gaz" }?.kinship, "boyfriend")
        XCTAssertEqual(r.record?.people.all.first { $0.name == "Dean Morris" }?.kinship, "partner")
        // A family word with the name in brackets after it; the name before the bracket closes is
        // someone else's.
        let plan = report("Written with: Mum (Stacey Webb), Dad (Liam Webb)\n")
        XCTAssertEqual(plan.record?.people.all.first { $0.name == "Stacey Webb" }?.kinship, "mother")
        XCTAssertEqual(plan.record?.people.all.first { $0.name == "Liam Webb" }?.kinship, "father")
    }

    func testWordsCapitalisedOnlyToOpenASentenceAreNotPeople() {
        // "Things" and "Seems" open sentences; they are words of the lexicon, never capitalised
        // inside one: not people, so "Things" is not the one who pushed.
        let r = report("""
        Present: M, Kacey, Mason.
        Craig Tulloch (father) was at the property. Things got heated and there was pushing and shoving. Seems to have been a one-off.
        M presented as defensive.
        """)
        XCTAssertNil(r.record?.people.all.first { $0.name == "Things" })
        XCTAssertNil(r.record?.people.all.first { $0.name == "Seems" })
        // "Present: M": a lone letter is shorthand, not a professional who would shield the label.
        XCTAssertNil(r.record?.people.all.first { $0.name == "M" })
        XCTAssertTrue(r.findings.contains { $0.rule == "pathologising.hostile-to-professionals" })
        // A name capitalised inside a sentence too is still a name where it opens one.
        XCTAssertEqual(role(report("Mark pushed Ms Dunn down the stairs. Police arrested Mark at the scene."), "Mark"), .personCausingHarm)
        // A form label ("Applicant", "Victim") still stands for its person at a sentence start.
        let housing = report("Applicant: Ms Tanya Whittle\nApplicant became hostile when asked about rent arrears.\n")
        XCTAssertTrue(housing.findings.contains { $0.rule == "pathologising.hostile-to-professionals" })
    }

    func testAPlanSettingTheVictimActionsInWordsNoRuleKnowsIsImbalanced() {
        // The record shows Mr Pell harmed by his wife; the plan's first action is his.
        func plan(_ secondAction: String) -> FileReport {
            report("""
            Adult at risk: Graham Pell (71)
            Person causing harm: Tracey Pell (wife)
            Mrs Pell slapped Mr Pell and pushed him against the wardrobe.
            Plan:
            - Mr Pell to use his pendant alarm if he feels unsafe.
            - \(secondAction)
            """)
        }
        // Actions for him only: imbalanced, though no rule knows the words.
        XCTAssertTrue(plan("Mr Pell to tell the DN or GP if there are any more injuries.").findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
        // An action for her too: balanced.
        XCTAssertFalse(plan("Mrs Pell to attend the perpetrator programme.").findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
    }

    func testBareItemsAreSetWhoeverTheirHeadingOrLetterNames() {
        // A letter to the mother: items with no subject are hers, under "What we need you to do".
        let letter = """
        Dear Ms Reeve,

        What we need you to do
        1. Stop seeing Mr Carr and let your social worker know if he contacts you.
        2. Ring 999 straight away if Mr Carr comes to the flat.
        3. Make sure Mr Carr has no contact with Alfie unless children's services agree it.
        4. Make sure Alfie goes to his dentist appointment.

        What we will do
        1. Call the police if Mr Carr comes to Alfie's school.
        """
        let r = report(letter)
        let tasked = r.findings.filter { $0.category == .victimTasked && $0.scope == .span && $0.context == nil }
        XCTAssertEqual(Set(tasked.compactMap(\.line)), [4, 5, 6], "\(tasked.map { ($0.line ?? 0, $0.rule, $0.text ?? "") })")
        XCTAssertTrue(r.findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
        // The same items in a letter to him are his: good practice, nothing to flag.
        let toHim = report(letter.replacingOccurrences(of: "Dear Ms Reeve", with: "Dear Mr Carr")
            .replacingOccurrences(of: "Stop seeing Mr Carr", with: "Stop contacting Ms Reeve"))
        XCTAssertFalse(toHim.findings.contains { $0.category == .victimTasked && $0.context == nil }, "\(toHim.findings.map(\.rule))")
        // A heading that names him gives the items to him, and the plan is then balanced.
        let plan = report("""
        Safety plan agreed with Ms Reeve:
        - Ms Reeve to keep her phone charged and ring 999 if Mr Carr comes to the flat.

        Mr Carr will:
        - stay away from the flat and make sure he has no contact with Alfie
        - attend the Drive programme
        """)
        XCTAssertTrue(plan.record?.actions.contains { $0.actor == "Mr Carr" && $0.line == 5 } ?? false, "\(plan.record?.actions ?? [])")
        XCTAssertFalse(plan.findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
        XCTAssertEqual(plan.findings.filter { $0.category == .victimTasked }.compactMap(\.line), [2])
        // Agencies' items are theirs ("What we will do", "Police will:").
        XCTAssertFalse(rules("What we will do:\n- Call the police if Mr Carr comes to the school.").contains { $0.hasPrefix("victim-tasked.") })
        // No heading and no letter: an item with no subject is no one's.
        XCTAssertFalse(rules("Notes\n- Call the police if Mr Carr comes back.").contains { $0.hasPrefix("victim-tasked.task") })
        // A letter's everyday reminders in a record that speaks of no abuse are no plan
        // imbalance, and "Take Alfie" is no one's name.
        let reminders = report("Dear Ms Reeve,\n\nPlease remember:\n- Take Alfie to his dentist appointment on 3 May.\n- Bring his red book to the next visit.\n")
        XCTAssertFalse(reminders.findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
        XCTAssertFalse(reminders.record?.people.all.contains { $0.name.hasPrefix("Take") } ?? true)
        // "Contact with …" is a noun, not an action for her.
        let contact = report("Safety plan agreed with Ms Reeve:\n- Contact with Mr Carr to be supervised by the contact centre.\n")
        XCTAssertFalse(contact.record?.actions.contains { $0.role == .victim } ?? true)
    }

    func testASecondActionJoinedByAndIsTheSameActors() {
        let chained = report("""
        Mr Carr punched Ms Reeve on 2 March.
        Child protection plan
        1. Ms Reeve to keep a diary of his messages and texts, change the locks and call the police if Mr Carr comes to the flat.
        2. Ms Reeve to keep Alfie in school, then steer clear of subjects that wind Mr Carr up.
        """)
        let found = chained.findings.filter { $0.category == .victimTasked && $0.scope == .span }.map { $0.text ?? "" }
        XCTAssertTrue(found.contains { $0.hasPrefix("call the police") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("steer clear of subjects") }, "\(found)")
        // A second actor in the sentence takes the action that follows it.
        let second = rules("Mr Carr punched Ms Reeve.\nChild protection plan\n1. Ms Reeve to keep a diary, and SW to call the police if Mr Carr comes to the flat.\n")
        XCTAssertFalse(second.contains("victim-tasked.task-call-the-police"), "\(second)")
    }

    func testTasksInRunningTextAreTheSubjectsOrTheAdvised() {
        // Advice to her, and an obligation on her, set her each action that follows.
        let log = report("""
        Mr Cole punched Ms Kent on 2 March.
        23:55 Ms Kent advised to keep the children upstairs, lock the back door and ring 999 if he returns.
        00:10 Reminded her that she needs to keep the doors locked and then steer clear of subjects that wind Mr Cole up.
        """)
        let found = log.findings.filter { $0.rule.hasPrefix("victim-tasked.task") }.compactMap(\.line)
        XCTAssertEqual(Set(found), [2, 3], "\(log.findings.map { ($0.line ?? 0, $0.rule) })")
        // Running text is not a plan: no plan actions from it.
        XCTAssertTrue(log.record?.actions.isEmpty ?? false)
        // Advice to him, advice from someone other than the writer, and what she means to do are not.
        XCTAssertFalse(rules("Mr Cole punched Ms Kent.\nMr Cole was advised to stay away and to ring the police to arrange an interview.\n").contains { $0.hasPrefix("victim-tasked.") })
        XCTAssertFalse(rules("Mr Cole punched Ms Kent.\nIsla ran to a neighbour and asked her to call the police.\n").contains { $0.hasPrefix("victim-tasked.") })
        XCTAssertFalse(rules("Mr Cole punched Ms Kent.\nMs Kent said she will call the police if he comes back.\n").contains { $0.hasPrefix("victim-tasked.task") })
    }

    func testAnInitialIsAName() {
        // "A." for the mother in a midwife's note: the plan's actions are hers.
        let r = report("""
        Partner: Callum Reid
        13/01/2025 Told me Callum shoved her against the fridge last week.
        Plan: A. to leave the relationship before the baby arrives. A. to attend the Freedom Programme.
        """)
        let found = r.findings.filter { $0.category == .victimTasked && $0.scope == .span }.compactMap(\.text)
        XCTAssertTrue(found.contains { $0.hasPrefix("A. to leave") || $0.hasPrefix("A.") }, "\(found)")
        XCTAssertEqual(found.count, 2, "\(found)")
    }

    func testATitledSurnameTwoUntitledPeopleShareIsNeither() {
        // Amira and Karim Haddad: the record does not show which is "Mr Haddad".
        let r = report("""
        Adult victim: Amira Haddad
        Person causing harm: Karim Haddad

        Mr Haddad has threatened Mrs Haddad and smashed her phone.

        What Mr Haddad will do
        - Meet the caseworker weekly and work on his abusive behaviour.
        - Leave the house and go to his brother's when he notices he is becoming threatening.
        """)
        XCTAssertEqual(role(r, "Amira"), .victim)
        XCTAssertFalse(r.record?.actions.contains { $0.role == .victim } ?? true, "\(r.record?.actions ?? [])")
        XCTAssertFalse(r.findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
    }

    func testALetterToHerReadsYouAsHer() {
        // A letter to the mother: "you" is her, and the verb after it agrees with her.
        let letter = report("""
        Dear Ms Shore,
        You have told us that your relationship with Mr Hickman is over. You have not followed the safety plan agreed on 10/10/2024.
        If you do not do these things, we may ask the court to make an order.
        """)
        XCTAssertNotNil(letter.record?.addressee)
        XCTAssertTrue(letter.findings.contains { $0.rule == "victim-blaming.breached-agreement" })
        XCTAssertTrue(letter.findings.contains { $0.rule == "victim-blaming.threat-of-removal" })
        // The finding's words are the letter's own.
        XCTAssertEqual(letter.findings.first { $0.rule == "victim-blaming.breached-agreement" }?.text, "You have not followed the safety plan")
        // A letter to a professional is not read so.
        let gp = report("Dear Dr Mensah,\nYou have not followed the safety plan.\n")
        XCTAssertNil(gp.record?.addressee)
        // Nor a letter to both parents.
        XCTAssertNil(report("Dear Ms Shore and Mr Hickman,\nYou have not followed the safety plan.\n").record?.addressee)
        // Nor is "you" in a note that is no letter.
        XCTAssertNil(report("Spoke to Ms Shore. You have to wonder whether the plan works.\n").record?.addressee)
    }

    func testDates() {
        for s in ["2 May 2024", "02/05/2024", "2024-05-02", "2nd May 2024", "Thursday 2 May 2024", "2/5/24"] {
            XCTAssertEqual(RecordDate.parse(prefixOf: Substring(s)), RecordDate(year: 2024, month: 5, day: 2), s)
        }
        XCTAssertEqual(RecordDate.parse(prefixOf: "May 2024"), RecordDate(year: 2024, month: 5, day: 1))
        XCTAssertNil(RecordDate.parse(prefixOf: "Mum said"))
        // Number-like characters that are not ASCII digits, and runs too long for an Int: no date, no crash.
        for s in ["½/3/2024", "Monday ½/3/2024", "３/５/２０２４", "99999999999999999999/1/2024", "1/2/99999999999999999999"] {
            XCTAssertNil(RecordDate.parse(prefixOf: Substring(s)), s)
        }
    }

    /// Numeric dates are read on the bytes: the same answers as the general reading, for dates,
    /// near-dates and non-dates.
    func testNumericDatesReadOnBytesAsTheGeneralReadingDoes() {
        let pieces = ["0", "1", "2", "5", "9", "12", "31", "2024", "24", "1899", "/", ".", "-", " ", ",", "\t", ":", "a", "st", "May", "é", "½", "\r"]
        var rng = SystemRandomNumberGenerator()
        var inputs = ["02/05/2024", "2/5/24", "02.05.2024", "2024-05-02", "02/05/2024:", "31/02/2024", "1/13/2024", "02//05//2024",
                      "02/05/2024 09:15", "2/5/24, Mum", "02/05", "1/2/3/4", "0002/05/2024", "123456789012/1/1", "5 May 2024", "5th May 2024"]
        for _ in 0..<5000 {
            var s = ""
            for _ in 0..<Int.random(in: 1...7, using: &rng) { s += pieces.randomElement(using: &rng)! }
            inputs.append(s)
        }
        for s in inputs {
            XCTAssertEqual(RecordDate.parse(prefixOf: Substring(s)), RecordDate.parseWords(Substring(s)), s.debugDescription)
        }
    }

    func testANameDoesNotRunAcrossALineBreakAndItsForenameSaysWhich() throws {
        // Two Webbs: "Jason Webb" is the father, not either Webb; the label is about the person
        // causing harm, not the adult victim.
        let text = """
        Mother: Kerry Webb
        Father: Jason Webb
        Jason Webb kicked Kerry in the kitchen on 3 May.
        Jason Webb was very hostile to the social worker.
        """
        XCTAssertFalse(rules(text).contains("pathologising.hostile-to-professionals"))
        XCTAssertTrue(rules(text.replacingOccurrences(of: "Jason Webb was", with: "Kerry Webb was")).contains("pathologising.hostile-to-professionals"))
        // A name opening a rule's pattern takes its forename: the rewrite leaves no "Kerry" behind.
        let plan = report("Mother: Kerry Webb\nFather: Jason Webb\nJason Webb kicked Kerry.\nKerry Webb to call 999.\n")
        let f = plan.findings.first { $0.rule == "victim-tasked.call-the-police" }
        XCTAssertEqual(f?.text, "Kerry Webb to call 999")
        XCTAssertEqual(f?.rewrite, "SW and IDVA are to agree with Kerry Webb whether calling the police is safe and realistic.")
        // A title at the end of a hard-wrapped line still leads the name on the next.
        let bytes = Array("met Mr\nPlatt then\nJason Webb".utf8)
        let tokens = try Tokenizer().tokenize(bytes, vocabulary: Vocabulary()).tokens
        XCTAssertEqual(tokens.indices.filter { tokens.lineBreak(before: $0, in: bytes) }, [2, 4])
    }

    func testAHeadingMayNameTheVictimByShorthandOrByHerFormLabel() {
        // "M agreed:" in a family-support log, "Applicant's steps:" in a housing plan whose form
        // names the applicant: the items are hers.
        let m = report("""
        Mother: Kerry Hale
        Father: Dean Hale
        Dean Hale punched Kerry on 3 May.

        Discussed safety with M. M agreed:
        - not to let Dean into the house
        - to ring 999 if he turns up
        """)
        XCTAssertEqual(m.record?.actions.map(\.role), [.victim, .victim])
        XCTAssertTrue(m.findings.contains { $0.rule == "victim-tasked.plan-imbalance" })
        let housing = report("""
        Applicant: Ms Tanya Whittle (34)
        On 03/01/2025 her ex-partner kicked the door in and threatened her.

        Personal Housing Plan - applicant's steps:
        1. Apply for a non-molestation order against her ex-partner.
        2. Keep the children away from the former address.
        """)
        XCTAssertEqual(housing.record?.actions.map(\.role), [.victim, .victim])
        // "M Khan" is a name with an initial, not the mother.
        let initial = report("Mother: Kerry Hale\nFather: Dean Hale\nDean Hale punched Kerry.\n\nM Khan will:\n- visit weekly\n")
        XCTAssertFalse(initial.record?.actions.contains { $0.role == .victim } ?? false)
    }

    func testAdviceThatNamesNoOneIsTheVictimsTaskInARecordOfAbuse() {
        let abuse = "Mother: Kerry Hale\nFather: Dean Hale\nDean Hale punched Kerry on 3 May.\n"
        XCTAssertTrue(rules(abuse + "Advised to end it with him.\n").contains("victim-tasked.task-end-relationship"))
        XCTAssertTrue(rules(abuse + "- Advised to relocate to another area.\n").contains("victim-tasked.task-flee-or-hide"))
        // "I told Kerry she needs to …": the clause after the one advised.
        XCTAssertTrue(rules(abuse + "I told Kerry she needs to end it.\n").contains("victim-tasked.task-end-relationship"))
        // Not in a record that speaks of no abuse, nor advice that shows itself to be his.
        XCTAssertFalse(rules("Home visit. Kitchen tidy.\nAdvised to end it before the move.\n").contains("victim-tasked.task-end-relationship"))
        XCTAssertFalse(rules(abuse + "Advised to keep himself away from the flat and end it.\n").contains("victim-tasked.task-end-relationship"))
    }
}
