"""Annotation spec for round-19 (held-out, blind).

Each record lists its findings by exact text; gen_expected.py finds the line numbers
(it refuses a text that is missing or that occurs on more than one line unless an
'nth' (1-based occurrence among matching lines) or a 'near' (another string that must be
on the same line) is given).

finding tuple: (category, text, level[, opts])
must_not_flag tuple: (text, why[, opts])
file_findings tuple: (category, signal)
"""

S, R = "sentence", "record"

RECORDS = [
    dict(
        name="x01-referral-mash-step-down",
        kind="referral",
        doc="MASH triage (children's front door), telegraphic",
        profile="several",
        description="MASH triage of a police notification; partner never named, mutualised, "
                    "mother blamed and tasked, children's experience dismissed; step-down plan "
                    "sets actions only for the mother.",
        findings=[
            ("mutualising", "domestic between mother and partner", S),
            ("absent-perpetrator", "being shoved against the wall and grabbed round the throat", S),
            ("minimising", "asleep upstairs so did not witness anything", S),
            ("minimising", "verbal only", S),
            ("pathologising", "difficult to engage", S),
            ("mutualising", "Volatile relationship", S),
            ("victim-blaming", "continues to let the partner", S),
            ("victim-blaming", "put the children at risk", S),
            ("pathologising", "Mum is minimising", S),
            ("minimising", "No injuries to the children and children unaware of what happened", S),
            ("victim-tasked", "Mum to be advised to contact police if partner returns", S),
            ("victim-tasked", "Mum to re-attend the Moving On group", S),
        ],
        file_findings=[("absent-perpetrator", "unnamed"), ("victim-tasked", "plan-imbalance")],
        mnf=[],
    ),
    dict(
        name="x02-home-visit-economic-control",
        kind="home-visit",
        doc="Home visit case note, hard-wrapped export",
        profile="good",
        description="Good practice: coercive control and economic abuse named and attributed to "
                    "the father, his minimising words quoted and analysed, child's words, mother's "
                    "safety steps, actions for him; 'alleged' used correctly before any charge.",
        findings=[],
        file_findings=[],
        mnf=[
            ("alleged assault", "police investigation ongoing and no charging decision made; correct use before any outcome"),
            ("disagreement about money", "negated: the writer says it is NOT a disagreement but economic abuse"),
            ("it was just a push", "Mr Firth's own words, quoted and attributed, then challenged by the writer"),
            ("she's making a drama out of nothing", "Mr Firth's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="x03-assessment-conviction-still-alleged",
        kind="assessment",
        doc="Single assessment with form fields",
        profile="several",
        description="Single assessment that keeps calling a guilty-pleaded assault 'alleged', "
                    "frames the abuse as the family's and the couple's, blames and tasks the mother, "
                    "and only signposts the father.",
        findings=[
            ("doubting", "alleged assault", R, dict(near="Referral from Westmoor Police")),
            ("absent-perpetrator", "The family has a long history of domestic abuse", S),
            ("mutualising", "volatile on/off relationship", S),
            ("victim-blaming", "a pattern in her choice of partners", S),
            ("mutualising", "arguments between his parents", S),
            ("pathologising", "hostile", S),
            ("victim-blaming", "allowed Mr Hargreaves back into", S),
            ("doubting", "alleged assault", R, dict(near="fourth police call-out")),
            ("perpetrator-excuse", "drinking appears to be the main trigger for the violence", S),
            ("victim-blaming", "Ms Tolley's ability to protect them", S),
            ("victim-tasked", "Ms Tolley to ensure Mr Hargreaves does not come to the property", S),
            ("victim-tasked", "Ms Tolley to complete the Phoenix domestic abuse awareness course", S),
            ("victim-tasked", "Ms Tolley to inform the social worker of any contact from Mr Hargreaves", S),
        ],
        file_findings=[("victim-tasked", "plan-imbalance")],
        mnf=[
            ("good father to Poppy", "Ms Tolley's view, reported and attributed to her, not the writer's judgement"),
        ],
    ),
    dict(
        name="x04-strategy-discussion-pregnant-kicked",
        kind="strategy-discussion",
        doc="Strategy discussion minutes",
        profile="several",
        description="Strategy discussion after a pregnant woman is assaulted: agentless passives, "
                    "an 'argument' that escalated, health view pathologises her, child's harm "
                    "dismissed, victim tasked and threatened; 'alleged' correct pre-charge.",
        findings=[
            ("absent-perpetrator", "Ms Delgado was assaulted", S),
            ("mutualising", "argument over money", S),
            ("absent-perpetrator", "escalated", S, dict(near="argument over money")),
            ("absent-perpetrator", "she was kicked in the stomach and pulled to the floor by her hair", S),
            ("pathologising", "very emotional", S),
            ("pathologising", "her engagement has been erratic", S),
            ("minimising", "is not thought to have been affected", S),
            ("victim-tasked", "Ms Delgado to remain at her sister's and must not allow Mr Whitlock to learn the address", S),
            ("victim-blaming", "if she returns to Linnet Road with Isla", S),
        ],
        file_findings=[],
        mnf=[
            ("alleged offence", "released under investigation, no charge or outcome yet: correct use"),
            ("allegation", "reports Mr Whitlock's denial of an untried allegation"),
        ],
    ),
    dict(
        name="x05-cp-conference-mother-tasked",
        kind="cp-conference",
        doc="Initial CP conference minutes",
        profile="several",
        description="ICPC minutes: mutual 'fighting', loss of temper blamed on her refusal, "
                    "mother pathologised and blamed for staying, shared responsibility, and a plan "
                    "with no actions for the father.",
        findings=[
            ("mutualising", "were fighting in the street", S),
            ("minimising", "lost his temper", S),
            ("victim-blaming", "after Ms Barraclough refused to hand over her phone", S),
            ("pathologising", "resistant to health visiting input", S),
            ("victim-blaming", "has chosen to remain in the relationship", S),
            ("mutualising", "Both parents need to take responsibility", S),
            ("victim-tasked", "to end her relationship with Mr Sykes", S),
            ("victim-tasked", "ensure he does not stay at the flat", S),
            ("victim-tasked", "Ms Barraclough to call 999 if Mr Sykes comes to the property", S),
        ],
        file_findings=[("victim-tasked", "plan-imbalance")],
        mnf=[
            ("Ms Barraclough to make sure Ava attends her 1-year review",
             "a health-care task for the child, not an action to manage Mr Sykes's behaviour"),
        ],
    ),
    dict(
        name="x06-cp-plan-father-accountable",
        kind="cp-plan",
        doc="CP plan (Signs-of-Safety style worry statement and action table)",
        profile="good",
        description="Good practice CP plan: father named as agent, charged matters called "
                    "'alleged' correctly, mother's protective steps recorded, actions owned by the "
                    "father and agencies, victim safety planning assessed with her.",
        findings=[],
        file_findings=[],
        mnf=[
            ("was in the next room", "factual location followed by the child's own words and the harm to him"),
            ("allow the programme to share attendance", "an action owned by Marcus (consent to information sharing), not the victim 'allowing' abuse"),
            ("alleged offences", "charged, not guilty plea entered, trial pending: correct use"),
            ("two parents in conflict", "negated: the plan says this is NOT a case of parental conflict"),
            ("whether and when ringing 999 is safe for her",
             "agreed with her by the IDVA and assessed for safety, alongside actions for Marcus and agencies"),
        ],
    ),
    dict(
        name="x07-cin-review-mother-uses-violence",
        kind="cin-review",
        doc="CIN review record",
        profile="few",
        description="CIN review where the mother uses violence against the father: mostly good, "
                    "but mutual 'arguments', depression as the cause, and an agentless passive.",
        findings=[
            ("mutualising", "arguments between the parents", S),
            ("perpetrator-excuse", "mainly due to her postnatal depression", S),
            ("absent-perpetrator", "Mr Pugh was bitten on the forearm", S),
        ],
        file_findings=[],
        mnf=[
            ("winds me up until I snap", "Ms Pugh's own words, quoted and attributed to her"),
        ],
    ),
    dict(
        name="x08-supervision-novak-reflective",
        kind="supervision",
        doc="Case supervision record",
        profile="few",
        description="Reflective supervision that correctly critiques 'volatile relationship' and "
                    "'allowed', quotes the father, but itself pathologises the mother, excuses him "
                    "by job loss and tasks her.",
        findings=[
            ("pathologising", "over-reactive", S),
            ("perpetrator-excuse", "may explain the escalation", S),
            ("victim-tasked", "remind Ewa to keep Piotr away from the children's school gate", S),
        ],
        file_findings=[],
        mnf=[
            ("we had a fight", "Piotr's own words, quoted and attributed"),
            ("started shouting first", "Piotr's own words, quoted and attributed"),
            ("volatile relationship", "critical mention: the supervision rejects the referral's label"),
            ("allowed", "critical mention: the manager says the report must not use this word"),
        ],
    ),
    dict(
        name="x09-chronology-coercive-control-conviction",
        kind="chronology",
        doc="Dated chronology table",
        profile="several",
        description="Chronology with a coercive-control conviction: earlier euphemisms and "
                    "agentless entries, later 'alleged' after the conviction, mother called chaotic, "
                    "abuse declared historic; 'alleged' before trial is correct.",
        findings=[
            ("mutualising", "Verbal domestic between Ms Reeve and Mr Dunmore", S),
            ("absent-perpetrator", "she was pushed", S),
            ("absent-perpetrator", "DV incident at the property", S),
            ("victim-blaming", "allowed Mr Dunmore back into the home", S),
            ("doubting", "alleged abuse", R),
            ("doubting", "alleged coercive control", R),
            ("pathologising", "presented as chaotic", S),
            ("minimising", "DA now historic", S),
        ],
        file_findings=[],
        mnf=[
            ("alleged offence", "entry dated 28/06/2022, before the conviction of 14/02/2023: correct use"),
        ],
    ),
    dict(
        name="x10-gp-letter-male-patient-bitten",
        kind="gp-letter",
        doc="GP consultation record (male victim)",
        profile="several",
        description="GP note for a man bitten and cut by his female partner: relationship "
                    "framing, doubting verb, her stress as the cause, size stereotype, and "
                    "'leave' advice.",
        findings=[
            ("mutualising", "Relationship difficulties", S),
            ("mutualising", "frequent rows with partner", S),
            ("doubting", "maintains", S),
            ("perpetrator-excuse", "under a lot of stress since losing", S),
            ("minimising", "Unlikely to be at serious risk given his size", S),
            ("victim-tasked", "Advised pt to leave", S),
            ("absent-perpetrator", "things get physical", S),
        ],
        file_findings=[],
        mnf=[
            ("a few times", "the patient's own words, quoted; describes frequency of her acts, not the writer minimising"),
        ],
    ),
    dict(
        name="x11-referral-ed-safeguarding-liaison",
        kind="referral",
        doc="A&E safeguarding liaison referral to MASH",
        profile="few",
        description="ED referral that is mostly good (named, DASH, MARAC, police, IDVA) but "
                    "frames her account as a 'version' and her distress as over-dramatic; "
                    "'alleged' correct pre-charge.",
        findings=[
            ("doubting", "Her version is that", S),
            ("pathologising", "over-dramatic", S),
        ],
        file_findings=[],
        mnf=[
            ("alleged assault", "reported to police tonight, under investigation: correct use"),
            ("not to let Mr Fenwick collect her",
             "addressed to the grandmother as tonight's carer within an agency plan, not to the victim"),
        ],
    ),
    dict(
        name="x12-health-visitor-new-birth-same-sex",
        kind="health-visitor",
        doc="HV new birth visit (same-sex couple)",
        profile="good",
        description="Good practice: routine enquiry with the birth mother alone; her wife's "
                    "coercive control, economic abuse and assault recorded in active voice; "
                    "quotes attributed; absence of injury explicitly not treated as reassurance.",
        findings=[],
        file_findings=[],
        mnf=[
            ("can't be trusted with money while she's hormonal", "Rebecca's words, quoted as evidence of control"),
            ("barely touched you", "Rebecca's minimising words, quoted and attributed"),
            ("No physical injuries seen today", "followed at once by the statement that this does not lessen the concern"),
            ("two women having a barney", "Jess's quoted fear of a stereotype, not the writer's framing"),
        ],
    ),
    dict(
        name="x13-midwifery-antenatal-jealous-partner",
        kind="midwifery",
        doc="Antenatal continuation notes",
        profile="several",
        description="Antenatal notes: control read as support, a slap called a one-off loss of "
                    "temper after she came home late, jealousy as character, and a safety plan "
                    "made entirely of tasks for the pregnant woman.",
        findings=[
            ("perpetrator-excuse", "very supportive and protective of Sophie", S),
            ("minimising", "one-off incident", S),
            ("minimising", "lost it", S),
            ("victim-blaming", "after she came home late from a friend's birthday", S),
            ("doubting", "Sophie says she was", S),
            ("absent-perpetrator", "was also shoved into a door", S),
            ("perpetrator-excuse", "a bit jealous by nature", S),
            ("victim-tasked", "she needs to think about whether this is the right relationship for the baby", S),
            ("victim-tasked", "call 999 if Callum becomes aggressive", S),
            ("victim-tasked", "steer clear of topics that set Callum off", S),
            ("victim-tasked", "tell the midwife at the next appointment if anything else happens", S),
        ],
        file_findings=[("victim-tasked", "plan-imbalance")],
        mnf=[
            ("it wasn't that bad", "Sophie's own words, quoted"),
        ],
    ),
    dict(
        name="x14-school-log-school-nurse-disclosure",
        kind="school-log",
        doc="School nurse safeguarding log (CPOMS export)",
        profile="good",
        description="Good practice: pupil's disclosure in her own words, mother's partner named "
                    "as the adult causing harm to mother and children, mother's protective steps "
                    "noted, contact planned around safety.",
        findings=[],
        file_findings=[],
        mnf=[
            ("Mum and Dean were arguing again", "the child's own words, quoted"),
            ("when Dean has been drinking", "records when the mother moves the children away (her safety strategy), not a cause"),
        ],
    ),
    dict(
        name="x15-camhs-letter-adolescent-to-parent",
        kind="camhs-letter",
        doc="CAMHS letter to GP (adolescent-to-parent violence)",
        profile="few",
        description="CAMHS letter on a 15-year-old's violence to his mother: good description "
                    "and a correct critique of 'arguments', but 'outbursts', ADHD as the cause, "
                    "and blame on the mother's boundaries.",
        findings=[
            ("minimising", "outbursts", S),
            ("perpetrator-excuse", "largely down to his ADHD", S),
            ("victim-blaming", "Mrs Whitby's inconsistent boundaries", S),
        ],
        file_findings=[],
        mnf=[
            ("she gets in my face so I shove her", "Ethan's own words, quoted and attributed"),
            ("did not mean to break his mum's finger", "Ethan's account, reported and attributed to him"),
            ("arguments between Ethan and his mother", "negated: the writer says it would be unhelpful to describe it so"),
        ],
    ),
    dict(
        name="x16-adult-safeguarding-s42-son-finances",
        kind="adult-safeguarding",
        doc="Care Act s42 enquiry outcome report",
        profile="several",
        description="s42 enquiry into a son's financial and physical abuse of his mother: "
                    "agentless push, her account discounted, 'family dispute', carer pressure as "
                    "excuse, she 'allowed' it, and a plan that tasks only her.",
        findings=[
            ("absent-perpetrator", "Mrs Penrose was pushed in the hallway", S),
            ("pathologising", "muddled", S),
            ("doubting", "her account of the money cannot be relied on", S),
            ("mutualising", "family dispute over money", S),
            ("absent-perpetrator", "got out of hand", S),
            ("perpetrator-excuse", "under the pressure of caring for his mother", S),
            ("victim-blaming", "allowed her son to take over her finances", S),
            ("victim-tasked", "Mrs Penrose to tell her son she no longer wants him to collect her pension", S),
        ],
        file_findings=[("victim-tasked", "plan-imbalance")],
        mnf=[
            ("looks after the money", "Mrs Penrose's own words, quoted"),
            ("when he's had a drink", "Mrs Penrose's own words, quoted"),
            ("I've only borrowed it", "Mr Penrose's own words, quoted and attributed"),
            ("might have moved her out of the way", "Mr Penrose's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="x17-adult-social-care-carers-assessment",
        kind="adult-social-care",
        doc="Carer's assessment (Care Act s10)",
        profile="good",
        description="Good practice: carer's assessment uncovers a husband's long-standing economic "
                    "abuse and recent violence; rejects the stroke as the cause; actions for him "
                    "through his own social worker.",
        findings=[],
        file_findings=[],
        mnf=[
            ("only like that because he's frustrated", "Mrs Kitching's own words, quoted and then analysed"),
            ("put Mr Kitching's behaviour down to his stroke", "negated: the writer says this would not be accurate"),
            ("His frustration is real", "followed by 'but it is not the cause': an explicit rejection of the excuse"),
        ],
    ),
    dict(
        name="x18-contact-note-mh-ward-partner-unnamed",
        kind="contact-note",
        doc="Mental-health ward nursing progress notes",
        profile="several",
        description="Ward notes after an overdose: partner never named, control disclosed but "
                    "doubted, her distress pathologised, 'row' framing, discharge with only a "
                    "task for her.",
        findings=[
            ("mutualising", "row with her partner", S),
            ("doubting", "insists", S),
            ("pathologising", "histrionic", S),
            ("pathologising", "attention-seeking", S),
            ("pathologising", "chaotic lifestyle", S),
            ("pathologising", "poor engagement", S),
            ("victim-tasked", "Natalie to let staff know if she does not feel safe at home", S),
        ],
        file_findings=[("absent-perpetrator", "unnamed"), ("victim-tasked", "plan-imbalance")],
        mnf=[],
    ),
    dict(
        name="x19-substance-use-keywork-own-words",
        kind="substance-use",
        doc="Substance-use key-work note (client causing harm)",
        profile="few",
        description="Key-work note with the man who caused harm: his minimising words quoted and "
                    "challenged, alcohol explicitly rejected as cause, but a 'not himself' excuse "
                    "and a 'fiery relationship' in the worker's voice.",
        findings=[
            ("perpetrator-excuse", "not himself after a two-day binge", S),
            ("mutualising", "fiery relationship", S),
        ],
        file_findings=[],
        mnf=[
            ("it was the drink, I'm not like that sober", "Darren's own words, quoted and attributed"),
            ("it was just a push", "Darren's own words, quoted and attributed"),
            ("alcohol can make things riskier", "the worker rejects alcohol as the cause in the same sentence"),
        ],
    ),
    dict(
        name="x20-police-notification-two-men-flat",
        kind="police-notification",
        doc="Police PPN (same-sex male couple)",
        profile="several",
        description="PPN for a man strangled by his male partner: 'a domestic between two males', "
                    "mutual fighting, 'two-way scrap', agentless strangulation, victim called "
                    "obstructive; suspect's self-defence claim quoted.",
        findings=[
            ("mutualising", "a domestic between two males", S),
            ("mutualising", "Both parties were fighting", S),
            ("absent-perpetrator", "he was held by the throat against the fridge", S),
            ("mutualising", "two-way scrap between partners", S),
            ("pathologising", "obstructive", S),
        ],
        file_findings=[],
        mnf=[
            ("incident", "police form field label ('Date/time of incident')", dict(near="Date/time")),
            ("I was only defending myself", "Mr Brannigan's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="x21-marac-post-separation-stalking",
        kind="marac",
        doc="MARAC case summary and actions",
        profile="good",
        description="Good practice: post-separation stalking and coercive control, chair rejects "
                    "'relationship difficulties', actions on the person causing harm across police, "
                    "CSC and Cafcass; 'alleged' correct pre-charge.",
        findings=[],
        file_findings=[],
        mnf=[
            ("alleged rape", "on police bail, no charging decision: correct use"),
            ("relationship difficulties", "critical mention: the chair says the GP's wording does not fit"),
        ],
    ),
    dict(
        name="x22-probation-supervision-post-separation",
        kind="probation",
        doc="Probation supervision contact (nDelius extract)",
        profile="few",
        description="Probation contact after a guilty plea: his blaming words quoted and "
                    "challenged, a new breach correctly 'alleged', but the convicted assault still "
                    "'alleged' and the offence framed as a one-off loss of control.",
        findings=[
            ("doubting", "alleged assault", R),
            ("minimising", "one-off loss of control", S),
            ("perpetrator-excuse", "linked to the breakdown of the relationship", S),
        ],
        file_findings=[],
        mnf=[
            ("she knows exactly how to push me", "Mr Hollis's own words, quoted and challenged"),
            ("poisoning Lily against me", "Mr Hollis's own words, quoted and attributed"),
            ("alleged breach", "a new, untried matter under police investigation: correct use"),
        ],
    ),
    dict(
        name="x23-court-summary-s7-after-fact-finding",
        kind="court-summary",
        doc="Cafcass s7 report extract",
        profile="several",
        description="s7 report after a finding of coercive control: 'alleges' after the finding, "
                    "mutual entrenchment, 'loving father', child 'not affected', mother's anxiety "
                    "blamed, findings 'historic', mother tasked with handovers.",
        findings=[
            ("doubting", "alleges", R),
            ("mutualising", "separation has been bitter, with both parents entrenched in their positions", S),
            ("perpetrator-excuse", "loving and committed father", S),
            ("minimising", "The findings concern the adults' relationship and Oscar was not directly affected", S),
            ("pathologising", "Ms Kerr's anxiety appears to be driving her opposition", S),
            ("minimising", "historic nature of the findings", S),
            ("victim-tasked", "Ms Kerr to facilitate handovers", S),
        ],
        file_findings=[],
        mnf=[
            ("I was only ever trying to help her budget", "Mr Kerr's own words, quoted and attributed"),
            ("she was hopeless with money", "Mr Kerr's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="x24-plo-letter-before-proceedings-mother",
        kind="plo-letter",
        doc="PLO letter before proceedings to the mother",
        profile="several",
        description="Letter before proceedings addressed only to the mother: agentless 'domestic "
                    "abuse', failure-to-protect framing, removal threat, and every protective "
                    "action placed on her; nothing required of the father.",
        findings=[
            ("absent-perpetrator", "because of domestic abuse", S),
            ("absent-perpetrator", "caught up in domestic abuse at home", S),
            ("victim-blaming", "not been able to protect the children", S),
            ("victim-blaming", "continued to let Mr Pell into the family home", S),
            ("victim-tasked", "End your relationship with Mr Pell", S),
            ("victim-tasked", "tell your social worker if he contacts you", S),
            ("victim-tasked", "Call the police straight away if Mr Pell comes to the house", S),
            ("victim-tasked", "Make sure Mr Pell has no contact with the children", S),
            ("victim-tasked", "Complete the Harbury Safer Futures course for women", S),
            ("victim-blaming", "If you are not able to do these things", R),
        ],
        file_findings=[("victim-tasked", "plan-imbalance")],
        mnf=[
            ("Make sure Archie goes to his hearing appointment",
             "a health-care task for the child, not an action to manage Mr Pell's behaviour"),
        ],
    ),
]
