"""Annotation spec for round 20 (blind held-out set).

Every annotation is given by its exact text; gen_expected.py works out the line numbers.
A text that is missing, or that sits on more than one line, is an error unless the entry
carries 'nth' (1-based, counting matching lines) or 'near' (another string that must be on
the same line).

finding:        (category, text, level[, opts])
must_not_flag:  (text, why[, opts])
file_findings:  (category, signal)
"""

S, R = "sentence", "record"

VB, VT, MU, MI = "victim-blaming", "victim-tasked", "mutualising", "minimising"
PE, AP, DO, PA = "perpetrator-excuse", "absent-perpetrator", "doubting", "pathologising"

RECORDS = [
    dict(
        name="y01-edt-log-saturday-callout-boyfriend",
        kind="edt-log",
        doc="Out-of-hours EDT log, terse",
        profile="several",
        description="EDT log of a Saturday-night police notification: the boyfriend is never named, "
                    "the assault is 'a domestic' that 'got out of hand', she 'alleges' being punched, "
                    "and every plan item is set for the mother.",
        findings=[
            (MI, "a domestic", S),
            (AP, "was hit several times", S),
            (MI, "verbal domestic", S),
            (AP, "got out of hand", S),
            (PA, "obstructive with officers", S),
            (MU, "Couple have a history of falling out", S),
            (DO, "Mum alleges", S),
            (AP, "was punched", S),
            (VT, "she needs to keep the children away from the boyfriend", S),
            (VT, "Mum to ring 999 straight away if boyfriend comes back to the property", S),
            (VT, "Mum not to let him in tonight or over the weekend", S),
            (VT, "Mum to take the children to her mother's if she feels unsafe", S),
        ],
        file_findings=[(AP, "unnamed"), (VT, "plan-imbalance")],
        mnf=[],
    ),
    dict(
        name="y02-chronology-guilty-plea-still-alleged",
        kind="chronology",
        doc="Pipe-table chronology, shorthand (M / JAP)",
        profile="several",
        description="Shorthand chronology: 'alleged' is right before the guilty plea and wrong after "
                    "it; a breach of the restraining order is logged as a mutual argument; the mother "
                    "is blamed, tasked and called dishonest.",
        findings=[
            (MU, "relationship remains volatile and on/off", S),
            (MU, "Verbal argument between M and JAP", S),
            (DO, "Noted alleged assault in January", R),
            (AP, "DV in the family", S),
            (VB, "M's inability to keep JAP away", S),
            (DO, "the January allegations", R),
            (VT, "Advised M she must call police every time he breaches", S),
            (PA, "minimising and not being honest with professionals", S),
            (VB, "continues to put her relationship before Mason's needs", S),
        ],
        file_findings=[],
        mnf=[
            ("Alleged assault under investigation",
             "dated 12/01/24, before the guilty plea of 28/03/24: correct use while under investigation"),
        ],
    ),
    dict(
        name="y03-home-visit-coercive-control-father-seen",
        kind="home-visit",
        doc="Home visit case note with separate father meeting",
        profile="good",
        description="Good practice: coercive control named and attributed to the father, his and her "
                    "minimising words quoted, children's words, her protective steps credited, "
                    "actions set for him; 'alleged' correct pre-charge.",
        findings=[],
        file_findings=[],
        mnf=[
            ('"by accident"', "Ms Tully's own 2022 words, quoted and attributed; the writer revisits them"),
            ("alleged assault", "police investigation ongoing, released under investigation: correct use"),
            ("failed to keep the children safe",
             "negated: the worker tells her she has NOT failed; responsibility placed on Mr Farrant"),
            ("I barely touched her, it was a nudge", "Mr Farrant's own words, quoted, then challenged"),
            ("She knows how to wind me up", "Mr Farrant's own words, quoted and attributed"),
            ("because she can't be trusted with money", "Mr Farrant's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="y04-police-notification-male-victim-glass",
        kind="police-notification",
        doc="Police PPN, male victim of female partner",
        profile="several",
        description="PPN where a woman attacks her male partner: mutual 'rowing', he 'claims', "
                    "officers call it minor and 'neither party blameless', his size lowers the risk, he is "
                    "'argumentative', the child 'unaware', and he is the one told to leave.",
        findings=[
            (MU, "had been rowing over money", S),
            (DO, "He claims", S),
            (MI, "a minor domestic", S),
            (MU, "neither party blameless", S),
            (MI, "so the risk to him is considered low", S),
            (PA, "became argumentative with officers", S),
            (MI, "Child asleep in cot throughout, unaware", S),
            (VT, "to stay at his brother's for the night and to ring 101 if further issues", S),
        ],
        file_findings=[],
        mnf=[
            ("Female stated he had pushed her first",
             "the suspect's counter-allegation, reported neutrally; it does not hedge the victim's account"),
        ],
    ),
    dict(
        name="y05-cp-conference-mother-tasked-father-absent",
        kind="cp-conference",
        doc="ICPC minutes (long)",
        profile="several",
        description="ICPC minutes: father absent after one unanswered call; relationship called "
                    "a 'rollercoaster', violence put down to drink and redundancy, mother pathologised and "
                    "blamed, child's distress read as poor routine; plan tasks only her.",
        findings=[
            (MI, "domestic incident", S),
            (AP, "was found with a head injury", S),
            (MU, "rollercoaster relationship", S),
            (VB, "has taken him back on each occasion", S),
            (PE, "the violence is linked to Mr Tolland's heavy drinking", S),
            (PE, "got worse since he was made redundant", S),
            (PA, "guarded during visits and has been slow to accept the support offered", S),
            (PA, "emotional instability", S),
            (VB, "reflects a lack of routine at home", S),
            (MU, "verbal altercation in the street", S),
            (AP, "Ms Briggs assaulted at the address", S),
            (AP, "have grown up around domestic abuse", S),
            (VB, "failed to keep the children safe from her partner", S),
            (VT, "Ms Briggs to end the relationship with Mr Tolland and not allow him into the family home", S),
            (VT, "Ms Briggs to call police immediately if Mr Tolland attends", S),
            (VT, "Ms Briggs to attend the Pathways women's group", S),
        ],
        file_findings=[(VT, "plan-imbalance")],
        mnf=[
            ("Dad goes mad when he's had his cans", "Kayden's own words, quoted"),
            ("angry outbursts in class", "describes the child's behaviour at school, not the abuse"),
            ("Ms Briggs to make sure Kayden gets to school on time",
             "an ordinary care task for the children, not an action to manage Mr Tolland"),
        ],
    ),
    dict(
        name="y06-marac-male-couple-belt-knife",
        kind="marac",
        doc="MARAC case summary and actions (two men)",
        profile="good",
        description="Good practice MARAC summary for a male couple: pattern of control attributed to "
                    "the named person causing harm, his 'as bad as each other' quoted and rebutted, "
                    "actions owned by police, probation, children's services and housing.",
        findings=[],
        file_findings=[],
        mnf=[
            ("an incident at the flat", "police usage; the same sentence says who did what to whom"),
            ("We're as bad as each other, it was handbags.",
             "Mr Lind's own words, quoted, attributed and then rebutted"),
            ("alleged breach of bail", "reported 14/06 and under investigation: correct use"),
        ],
    ),
    dict(
        name="y07-youth-justice-son-assaults-mother",
        kind="youth-justice",
        doc="YJS case summary (adolescent-to-parent violence)",
        profile="several",
        description="APVA: a 15-year-old assaults his mother; the record mutualises ('clash'), "
                    "blames her boundaries and anxiety, shrinks the violence, explains it by his "
                    "father leaving, says the sister is unaffected and tasks the mother.",
        findings=[
            (MU, "Jayden and his mother clash regularly", S),
            (VB, "has struggled to set consistent boundaries", S),
            (MI, "fairly low level", S),
            (AP, "where Ms Morrow was hurt", S),
            (PE, "stems from unresolved anger about his father leaving", S),
            (PA, "overly anxious and tends to catastrophise", S),
            (VB, "which escalates situations", S),
            (MI, "Kira appears unaffected", S),
            (VT, "Ms Morrow to lock away the kitchen knives and keep her purse on her at all times", S),
        ],
        file_findings=[],
        mnf=[
            ("she winds me up, she's always on at me", "Jayden's own words, quoted and attributed"),
            ("only pushed her a bit", "Jayden's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="y08-adult-safeguarding-husband-carer-strain",
        kind="adult-safeguarding",
        doc="Care Act s42 enquiry outcome (older woman, husband)",
        profile="several",
        description="S42 outcome for a 79-year-old hit by her husband: her account hedged, bruising "
                    "agentless, 'bickering' marriage, carer strain as the explanation, her choice "
                    "blamed, and actions only for her.",
        findings=[
            (DO, "apparently", S),
            (AP, "sustained the bruising", S),
            (MU, "have had a difficult marriage for over fifty years and bicker constantly", S),
            (PA, "can be difficult and demanding", S),
            (PE, "under considerable carer strain, which is likely to explain what has happened", S),
            (VB, "has decided to remain with her husband despite being offered alternatives", S),
            (VB, "the remaining risk is accepted by her", S),
            (VT, "Mrs Pargeter to press her pendant alarm if her husband hurts her", S),
            (VT, "Mrs Pargeter to consider a week of respite at Elmcroft to give Mr Pargeter a break", S),
        ],
        file_findings=[(VT, "plan-imbalance")],
        mnf=[
            ("grabs me when I'm slow getting up", "Mrs Pargeter's own words, quoted"),
            ("loses his patience", "Mrs Pargeter's own words, quoted"),
            ("I've never laid a finger on her, she bruises like a peach",
             "Mr Pargeter's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="y09-substance-use-partner-collects-script",
        kind="substance-use",
        doc="Key-work note, one dense paragraph",
        profile="several",
        description="One-paragraph key-work note: she is 'chaotic', violence 'got physical', the "
                    "relationship is chaotic, his aggression is drug-related, she 'keeps going back', "
                    "and the plan asks only her to change.",
        findings=[
            (PA, "presented as chaotic and unfocused", S),
            (AP, "things got physical", S),
            (MU, "chaotic on/off relationship", S),
            (PE, "Lee's aggression is drug-related", S),
            (PE, "much calmer when stable on his script", S),
            (VB, "keeps going back to him", S),
            (VT, "Jodie to stop letting Lee collect her script", S),
            (VT, "Jodie to think about whether she can stay away from Lee", S),
        ],
        file_findings=[(VT, "plan-imbalance")],
        mnf=[
            ("only gets nasty when he's rattling", "Jodie's own words, quoted"),
            ("Jodie to move to supervised consumption", "a clinical treatment change, not an action to manage Lee"),
        ],
    ),
    dict(
        name="y10-probation-bbr-new-alleged-breach",
        kind="probation",
        doc="Probation supervision contact (nDelius-style extract)",
        profile="good",
        description="Good practice probation contact after a conviction: his excuses quoted and "
                    "challenged, drink explicitly not the cause, a new untried breach correctly "
                    "'alleged', actions set for him and agencies.",
        findings=[],
        file_findings=[],
        mnf=[
            ("She pushes my buttons and I was off my face that night.",
             "Mr Kilbride's own words, quoted and then challenged"),
            ("because of his drinking", "negated: the practitioner rejects drink as the cause"),
            ("alleged breach of the restraining order",
             "a new, untried matter under investigation; the conviction is a different matter"),
        ],
    ),
    dict(
        name="y11-court-summary-s7-harassment-conviction",
        kind="court-summary",
        doc="Section 7 report extract (post-separation)",
        profile="several",
        description="Section 7 extract after a harassment conviction: 'bitterly contested' and mutual "
                    "framing, 'alleged' after the conviction, her account 'claims', no call-outs "
                    "treated as safety, 'doting father', mother called overwrought and alienating.",
        findings=[
            (MU, "bitterly contested separation", S),
            (MU, "both parents have dug in", S),
            (MU, "arguments between the parents", S),
            (DO, "Ms Cotterill claims", S),
            (DO, "the alleged harassment in 2024", R),
            (MI, "there have been no police call-outs since then", S),
            (PA, "overwrought and at times combative", S),
            (PE, "a doting father", S),
            (DO, "features of alienating behaviour by the mother", S),
        ],
        file_findings=[],
        mnf=[
            ("made it all up to keep the kids from me", "Mr Varga's own words, quoted and attributed"),
        ],
    ),
    dict(
        name="y12-housing-joint-tenants-two-women",
        kind="housing",
        doc="Tenancy management note (two women)",
        profile="several",
        description="Housing note on two women joint tenants: abuse treated as noise/ASB and "
                    "'fighting', agentless assault, the officer adopts 'toxic relationship', the "
                    "victim is 'aggressive', both warned, and only she is told what to do.",
        findings=[
            (MU, "the two women fighting", S),
            (AP, "was assaulted in the communal stairwell", S),
            (MU, "toxic relationship", S, dict(near="My view")),
            (PA, "aggressive towards me", S),
            (MU, "Both tenants warned in writing", S),
            (VT, "Advised Ms Probert to contact the police and a refuge if she is frightened", S),
        ],
        file_findings=[(VT, "plan-imbalance")],
        mnf=[
            ("a toxic relationship, we both give as good as we get",
             "Ms Arkwright's own words, quoted and attributed"),
            ("had an argument with the neighbour", "a dispute with a neighbour about parking, not domestic abuse"),
        ],
    ),
    dict(
        name="y13-school-log-email-mums-boyfriend",
        kind="school-log",
        doc="School DSL log (CPOMS export) with pasted email",
        profile="several",
        description="School safeguarding log with a pasted teacher email: the boyfriend is never "
                    "named; her account hedged and agentless, 'parental conflict', child 'not "
                    "involved', and the only actions are on the mother.",
        findings=[
            (DO, "Mum says she was shoved", S),
            (AP, "was shoved into the TV unit", S),
            (MU, "conflict between Mum and her boyfriend", S),
            (MI, "was in her bedroom so was not directly involved", S),
            (VT, "Mum to be reminded to keep Ruby-Mae away from any arguments and to call police if it happens again", S),
            (MU, "any arguments", S),
            (VB, "she is responsible for making sure Ruby-Mae", S),
            (AP, "is not exposed to domestic abuse", S),
            (PA, "defensive", S),
        ],
        file_findings=[(AP, "unnamed"), (VT, "plan-imbalance")],
        mnf=[
            ("a bit of a row, it's all sorted now", "the mother's own words, quoted"),
        ],
    ),
    dict(
        name="y14-cp-plan-father-owns-actions",
        kind="cp-plan",
        doc="CP plan with worry statement and action table",
        profile="good",
        description="Good practice CP plan: strangulation and control attributed to the father, "
                    "children's experience, mother's protective steps, actions owned by him and "
                    "agencies; her safety plan agreed with her IDVA.",
        findings=[],
        file_findings=[],
        mnf=[
            ("while Maisie was in the room", "factual, with the harm to Maisie recorded next to it"),
            ("incident log", "the name of a police record, not a description of the abuse"),
            ("keep Mr Stannard away from the children",
             "negated: the plan says it does NOT ask this of the mother"),
            ("Mr Stannard to ensure he does not go within 100m",
             "an action owned by the person causing harm, not by the victim"),
            ("Ms Adeyinka and her IDVA",
             "safety planning agreed with her and limited to steps she feels are safe, alongside actions for him"),
        ],
    ),
    dict(
        name="y15-safety-plan-written-agreement-mother-only",
        kind="safety-plan",
        doc="'Safety plan / written agreement' signed by the mother",
        profile="several",
        description="A written agreement in the mother's voice: agentless account of the assault, "
                    "five promises that make her manage Mr Keel, a removal warning, and nothing "
                    "asked of him.",
        findings=[
            (VT, "WRITTEN AGREEMENT", R),
            (AP, "a home where there has been domestic violence", S),
            (AP, "was punched in the face", S),
            (VT, "I will not let Aaron into the house or let him have any contact with Harley", S),
            (VT, "I will phone 999 if Aaron comes to the house or turns up at school", S),
            (VT, "If Aaron contacts me, I will tell my social worker the same day", S),
            (VT, "I will go on the Stronger Together course", S),
            (VT, "I will make sure I am not in a relationship with anyone who is a risk to Harley", S),
            (VB, "if I do not keep to this agreement, Children's Services may need to consider whether Harley is safe in my care", R),
        ],
        file_findings=[(VT, "plan-imbalance")],
        mnf=[],
    ),
    dict(
        name="y16-idva-male-victim-post-separation",
        kind="idva",
        doc="IDVA case note (male victim, female ex-partner)",
        profile="good",
        description="Good practice IDVA note for a man abused by his ex-partner: her acts named, "
                    "his protective steps credited, her denial quoted, 'alleged' correct pre-charge, "
                    "child's experience and actions for police and MARAC.",
        findings=[],
        file_findings=[],
        mnf=[
            ("alleged assault", "released under investigation, no charge yet: correct use"),
            ("he's making it all up, he's twice my size", "Ms Vail's own words, quoted and attributed"),
            ("provoked or retaliated against her", "negated: nothing suggests he provoked her"),
        ],
    ),
    dict(
        name="y17-strategy-discussion-post-separation-stalking",
        kind="strategy-discussion",
        doc="Strategy discussion record (post-separation stalking)",
        profile="several",
        description="Strategy discussion on a stalking ex-partner: agentless following, 'low-level' "
                    "harassment, 'messy break-up', jealousy and grief as excuses, her new partner "
                    "as trigger, 'a small push', 'highly strung', and advice that she stop replying.",
        findings=[
            (AP, "was followed home from work", S),
            (MI, "low-level harassment", S),
            (MU, "messy break-up", S),
            (PE, "has found the separation very difficult and is struggling to let go", S),
            (PE, "driven by jealousy", S),
            (VB, "since Ms Lamb started seeing someone new", S),
            (MI, "gave Ms Lamb a small push", S),
            (PA, "highly strung", S),
            (VT, "should stop replying to his texts", S),
            (VB, "responding only encourages him", S),
        ],
        file_findings=[],
        mnf=[
            ("alleged criminal damage", "under investigation, no suspect interviewed: correct use"),
        ],
    ),
    dict(
        name="y18-gp-letter-referral-to-idva-warfarin",
        kind="gp-letter",
        doc="GP referral letter to IDVA service",
        profile="good",
        description="Good practice GP referral: husband named as the actor, control and high-risk "
                    "indicators recorded, her minimising words quoted and answered, DASH done; "
                    "'volatile' describes her INR.",
        findings=[],
        file_findings=[],
        mnf=[
            ("Her INR has been volatile", "describes a blood test result, not the relationship"),
            ("it's only when he's stressed at work, he's not a bad man", "Mrs Brisk's own words, quoted"),
            ("stress at work does not cause anyone to hurt their partner",
             "negated: the GP rejects stress as the cause"),
        ],
    ),
    dict(
        name="y19-contact-note-ed-pregnant-partner-unnamed",
        kind="contact-note",
        doc="ED safeguarding continuation note",
        profile="several",
        description="ED note on a pregnant woman kicked by her partner, who is never named: "
                    "agentless injury, 'dramatic', 'history of DV', control recast as possessiveness, "
                    "and safeguarding actions only for her.",
        findings=[
            (AP, "after being kicked", S),
            (PA, "quite dramatic", S),
            (AP, "Pt has a history of DV", S),
            (PE, "Partner sounds quite possessive", S),
            (VT, "Pt advised to leave the relationship for the baby's sake", S),
            (VT, "Pt told to ring police if partner turns up on the ward", S),
        ],
        file_findings=[(AP, "unnamed"), (VT, "plan-imbalance")],
        mnf=[
            ("not allowed to see her mum", "describes the partner's control over her, not her permitting anything"),
        ],
    ),
    dict(
        name="y20-cin-review-letter-to-mother-after-conviction",
        kind="cin-review",
        doc="CIN review outcome letter to the mother",
        profile="several",
        description="Letter to the mother after a CIN review: the conviction is later called "
                    "'alleged', the abuse is 'in your relationship', she is blamed for letting him "
                    "stay, tasked, and warned; nothing is asked of him.",
        findings=[
            (MU, "the domestic violence in your relationship", S),
            (DO, "the alleged assault in July 2024", R),
            (VB, "you let Liam stay at the house over Christmas", S),
            (VB, "putting Jack and Summer first, rather than your relationship with Liam", S),
            (VT, "You must not allow Liam to have contact with the children", S),
            (VT, "Please let me know straight away if Liam comes to the house", S),
            (VT, "You agreed to go back to the Kestlebury DA Service women's group", S),
            (MU, "any further incidents between you and Liam", S),
            (VB, "we may need to consider moving to a child protection plan", R),
        ],
        file_findings=[(VT, "plan-imbalance")],
        mnf=[
            ("under a lot of pressure at work", "Liam's own words, quoted and attributed to him"),
        ],
    ),
    dict(
        name="y21-supervision-rewriting-the-assessment",
        kind="supervision",
        doc="Case supervision record",
        profile="few",
        description="Supervision that rightly critiques quoted labels from a draft assessment, but "
                    "whose own update calls the mother avoidant, shrinks a slap and leans on anger "
                    "management.",
        findings=[
            (PA, "remains avoidant", S),
            (MI, "The last incident was fairly minor (a slap in April)", S),
            (MI, "there have been no police call-outs since", S),
            (PE, "anger management issues and has been given the number for an anger management course", S),
        ],
        file_findings=[],
        mnf=[
            ("a stormy relationship", "quoted from the draft in order to reject it"),
            ("chose to stay with Mr Boyle despite advice", "quoted from the draft in order to reject it"),
            ("exposed to domestic abuse", "quoted from the chronology in order to reject it"),
        ],
    ),
    dict(
        name="y22-contact-centre-supervised-father-questions",
        kind="contact-centre",
        doc="Supervised contact record (post-separation)",
        profile="good",
        description="Good practice contact-centre record: safe handover for the mother, the "
                    "father's probing of the child recorded and challenged, his minimising quoted; "
                    "'allowed', 'argument' and 'incident' used in ordinary senses.",
        findings=[],
        file_findings=[],
        mnf=[
            ("allowed to give it to her", "permission for a pre-agreed present, not the victim allowing abuse"),
            ("small argument over the Lego", "the two children squabbling over a toy, not domestic abuse"),
            ("It was just a bit of pushing, it's all been blown out of proportion.",
             "Mr Hale's own words, quoted and attributed"),
            ("Incident form", "the name of the centre's report form"),
        ],
    ),
    dict(
        name="y23-refuge-keywork-tracking-ex-partner",
        kind="refuge",
        doc="Refuge key-work record",
        profile="good",
        description="Good practice refuge record: his tracking and damage named, her safety steps "
                    "listed, actions link to MARAC actions for him; 'chose' and 'returned' describe "
                    "her own plans, not blame.",
        findings=[],
        file_findings=[],
        mnf=[
            ("chose to move to a refuge", "her decision to move to safety, recorded as her own agency"),
            ("returned to her hairdressing course", "returning to a college course, not to the relationship"),
        ],
    ),
    dict(
        name="y24-assessment-mother-violent-to-father",
        kind="assessment",
        doc="Child and family assessment extract (abusive mother)",
        profile="several",
        description="Assessment where the mother assaults the father: agentless stabbing, 'fiery "
                    "relationship', his account doubted and his size used against him, her violence "
                    "excused, he is blamed and given every action.",
        findings=[
            (AP, "was stabbed in the hand with a fork", S),
            (MU, "fiery relationship", S),
            (DO, "maintains that", S),
            (PA, "appears to be minimising", S),
            (MU, "his own part in the arguments", S),
            (DO, "it is hard to see how he could be frightened of her", S),
            (MI, "Ms Latchford's outbursts", S),
            (PE, "are understandable given the pressure of looking after Daisy on her own while Mr Latchford works nights", S),
            (VB, "has let Ms Latchford move back in", S),
            (VB, "has not shielded the children", S),
            (MU, "from the rows", S),
            (VT, "Mr Latchford to make sure the children are not around when Ms Latchford is angry", S),
            (VT, "Mr Latchford to call the police if Ms Latchford becomes violent again", S),
            (VT, "Mr Latchford to attend the men's support group", S),
        ],
        file_findings=[(VT, "plan-imbalance")],
        mnf=[
            ("alleged assault of 2 March", "with the CPS for a charging decision: correct use"),
            ("I wouldn't have to if he just listened to me.", "Ms Latchford's own words, quoted"),
        ],
    ),
]
