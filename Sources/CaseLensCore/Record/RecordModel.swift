/// A court or police outcome the record states (conviction, guilty plea, finding of fact, caution).
public struct Outcome: Sendable {
    /// Byte offset of the words that state it.
    public var offset: Int
    /// The entry date it is recorded under, if the record is dated there.
    public var date: RecordDate?
    /// The words, e.g. "pleaded guilty".
    public var text: String
    /// About another matter ("for assaulting a former partner"), not this record's abuse.
    public var otherMatter = false
}

/// One action in a plan: who is to do it, and whether they are the person causing harm, the
/// adult victim, a child, an agency or someone unknown.
public struct PlanAction: Sendable {
    public var line: Int
    /// Byte offset where the action's sentence starts: actors of one sentence share one action.
    public var sentence: Int
    public var actor: String
    public var role: PersonRole
    public var isAgency: Bool
    /// An item with no actor of its own that its heading or letter sets the adult victim ("What
    /// we need you to do: 1. End your relationship …"): never an action of the person causing harm.
    public var forVictim = false
}

/// A stretch of a plan line, list item or letter that sets one actor a task: from the action (the
/// words after "Mum to", or a bare item's first word, "Call the police …") to the end of its
/// sentence or to the next actor ("… and SW to visit"). A second action joined by "and", "then"
/// or a comma ("Sophie to keep her phone charged and call 999 if …") is in the same stretch.
/// Rules with `requires: victim-task` match only inside one set for the adult victim.
public struct TaskSpan: Sendable {
    /// Byte range in the document.
    public var range: Range<Int>
    /// Whom the task is set: the adult victim (as the record shows her, or a woman of the family
    /// where it does not say), or someone else (the person causing harm, a professional, an
    /// agency, a child, a relative).
    public var forVictim: Bool
    /// The actor came from a heading or a letter's addressee, not from the line's own words
    /// ("What we need you to do: 1. End your relationship …", "Mr Pell will: - attend …").
    public var fromHeading: Bool
}

/// What reading the whole record found: its people, outcomes, plan actions and whether it
/// records abuse at all.
public struct RecordModel: Sendable {
    public var people = People()
    public var outcomes: [Outcome] = []
    public var actions: [PlanAction] = []
    /// The stretches of plans, lists and letters that set someone a task, in text order.
    public var tasks: [TaskSpan] = []
    /// True when the record speaks of abuse (an abuse term outside quotation).
    public var recordsAbuse = false
    /// Mentions of the person causing harm outside the form fields that name them.
    public var perpetratorMentions = 0
    var entryDates: EntryDates? = nil

    /// The person causing harm to use in suggestions, if the record says who; the adult victim;
    /// the children. Fixed by `settleRoles()` once the people are read (suggestions use them often).
    public private(set) var perpetrator: Person? = nil
    public private(set) var victim: Person? = nil
    public private(set) var children: [Person] = []

    /// Harm the record describes, counted by the sex of whoever did it and whoever it was done to
    /// (set by `settleRoles()` from `harmByPronoun` and the people's own votes).
    public private(set) var harmBySex = HarmBySex()
    /// The part of it read from pronouns ("she threw a glass at him"), counted while reading.
    var harmByPronoun = HarmBySex()
    /// True when the record shows a woman harming a man (twice or more) more than the other way round: the rules
    /// then read it with a man's and a woman's words exchanged (`GenderExchange`).
    public private(set) var womanHarmsMan = false
    /// A written agreement in someone's own voice ("I, Shannon Birch, agree …"): the token of its
    /// "I", and whether that person is a woman (nil: not known). Not set for the person causing harm.
    public internal(set) var declaration: (token: Int, woman: Bool?)? = nil
    /// A letter to someone of the family ("Dear Ms Lane,"): the token of its greeting, and
    /// whether that person is a woman.
    public internal(set) var addressee: (token: Int, woman: Bool)? = nil
    /// The addressee's index in `people`, when there is one.
    var addresseeIndex: Int? = nil

    /// Settles each person's role from the evidence, then who is the person causing harm, victim and children.
    mutating func settleRoles() {
        for i in people.all.indices { people.all[i].settle(childKin: people.words.childKin) }
        perpetrator = people.with(.personCausingHarm).first
        victim = people.with(.victim).first
        children = people.with(.child)
        var harm = harmByPronoun
        for p in people.all {
            guard let woman = people.isFemale(p) else { continue }
            // A form field that names someone the person causing harm or the victim counts double.
            let field = (harm: p.fieldRole == .personCausingHarm ? 2 : 0, harmed: p.fieldRole == .victim ? 2 : 0)
            harm.add(woman: woman, harm: p.harmVotes + field.harm, harmed: p.harmedVotes + field.harmed)
        }
        harmBySex = harm
        // One sentence ("Mr Ashby says Ms Kaur hit him") may be his counter-allegation: it takes
        // two pieces of evidence that she harms.
        womanHarmsMan = harm.byWomen >= 2 && harm.byWomen > harm.byMen && harm.toMen > harm.toWomen
    }

    /// The task stretch (`tasks`, sorted by start) that holds byte `offset`, if any.
    public func task(at offset: Int) -> TaskSpan? {
        var lo = 0, hi = tasks.count
        while lo < hi { let mid = (lo + hi) / 2; if tasks[mid].range.lowerBound <= offset { lo = mid + 1 } else { hi = mid } }
        // `lo` is the first to start after `offset`: the one before it, or one further back that
        // reaches over it.
        var i = lo - 1
        while i >= 0, lo - i <= 2 {
            if tasks[i].range.contains(offset) { return tasks[i] }
            i -= 1
        }
        return nil
    }

    /// The entry date of a byte offset (chronologies), if any.
    func date(at offset: Int) -> RecordDate? { entryDates?.date(at: offset) }

    /// The first outcome recorded before `offset` (by entry date where both are dated); one in
    /// another matter only when `otherMatterToo` (the words there speak of it too).
    func outcome(before offset: Int, otherMatterToo: Bool = false) -> Outcome? {
        let when = date(at: offset)
        return outcomes.first { o in
            if o.otherMatter && !otherMatterToo { return false }
            if let od = o.date, let w = when, od != w { return od < w }
            return o.offset < offset
        }
    }
}

/// Harm a record describes, by the sex of who did it and who it was done to.
public struct HarmBySex: Sendable {
    public var byWomen = 0, byMen = 0, toWomen = 0, toMen = 0

    mutating func add(woman: Bool, harm: Int = 0, harmed: Int = 0) {
        if woman { byWomen += harm; toWomen += harmed } else { byMen += harm; toMen += harmed }
    }
}
