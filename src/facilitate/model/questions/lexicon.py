"""English word lists the parser needs: auxiliaries, pronouns, verbs and their past forms."""

from __future__ import annotations

WH_WORDS = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how"})
#: Contracted wh-words and what they stand for ("what's" -> what is).
WH_CONTRACTIONS = {
    "what's": ("what", "is"), "how's": ("how", "is"), "who's": ("who", "is"), "where's": ("where", "is"),
    "when's": ("when", "is"), "why's": ("why", "is"), "what're": ("what", "are"), "who're": ("who", "are"),
    "where're": ("where", "are"), "how're": ("how", "are"), "what'd": ("what", "did"), "how'd": ("how", "did"),
    "who'd": ("who", "would"), "where'd": ("where", "did"), "whats": ("what", "is"),
}
MODALS = frozenset({"can", "could", "will", "would", "should", "shall", "may", "might", "must"})
COPULAS = frozenset({"is", "are", "am", "was", "were"})
DO_FORMS = frozenset({"do", "does", "did"})
HAVE_FORMS = frozenset({"have", "has", "had"})
AUXILIARIES = MODALS | COPULAS | DO_FORMS | HAVE_FORMS
NEGATIVE_AUXILIARIES = {
    "don't": "do", "doesn't": "does", "didn't": "did", "isn't": "is", "aren't": "are", "wasn't": "was",
    "weren't": "were", "can't": "can", "cannot": "can", "couldn't": "could", "won't": "will", "wouldn't": "would",
    "shouldn't": "should", "haven't": "have", "hasn't": "has", "hadn't": "had", "mightn't": "might",
    "mustn't": "must", "shan't": "shall", "ain't": "is",
}
PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "it", "there", "one", "everyone", "everybody", "someone",
                      "somebody", "anyone", "anybody", "nobody", "people", "y'all"})
DETERMINERS = frozenset({
    "the", "a", "an", "our", "your", "their", "my", "his", "her", "its", "this", "that", "these", "those", "all",
    "every", "each", "some", "any", "no", "many", "most", "other", "both", "such", "several", "few", "more", "less",
    "enough", "another", "either", "neither", "whose", "one", "two", "three", "four", "five",
})
PREPOSITIONS = frozenset({
    "in", "on", "at", "to", "for", "from", "with", "about", "of", "by", "into", "onto", "over", "under", "between",
    "among", "across", "through", "towards", "toward", "within", "without", "around", "after", "before", "during",
    "since", "until", "like", "than", "beyond", "behind", "against", "along", "upon", "per", "via",
})
#: Words skipped at the start of a clause.
FILLERS = frozenset({
    "so", "and", "but", "then", "ok", "okay", "well", "now", "right", "also", "finally", "first", "next", "lastly",
    "again", "honestly", "specifically", "overall", "really", "personally", "today", "together", "briefly", "please",
    "oh", "yes", "no", "or", "plus", "secondly", "thirdly", "later", "still", "anyway", "besides", "instead",
})
#: Verbs that open an instruction standing for a question ("Tell me about ...").
IMPERATIVES = frozenset({
    "tell", "describe", "explain", "share", "list", "name", "identify", "give", "think", "consider", "reflect",
    "recall", "remember", "talk", "say", "draw", "write", "make", "take", "look", "notice", "discuss", "explore",
    "brainstorm", "map", "note", "jot", "capture", "summarise", "summarize", "outline", "rate", "rank", "choose",
    "pick", "select", "find", "spend", "invite", "ask", "let's", "lets", "walk", "paint", "sketch", "recount",
})
#: Openers of a possibility frame.
POSSIBILITY_OPENERS = frozenset({"imagine", "suppose", "supposing", "picture", "pretend", "envision", "envisage",
                                 "visualise", "visualize", "dream"})
#: After "how", these start the question's own clause (process); anything else is a degree ("how much").
HOW_PROCESS_NEXT = frozenset({"to", "else", "exactly", "best", "precisely", "specifically", "then", "now", "about",
                              "might", "so", "on", "in", "do", "does", "did", "else's"})
#: Verbs after which "if" means "whether" ("check if it works").
WHETHER_VERBS = frozenset({"know", "see", "check", "ask", "wonder", "tell", "decide", "find", "sure", "test", "judge",
                           "determine", "assess", "explore", "discover", "out"})
#: Words that signal a counterfactual "if" clause ("If we could ...", "If you had ...").
COUNTERFACTUAL = frozenset({"could", "would", "were", "had", "was", "did", "might", "knew", "wasn't", "weren't",
                            "didn't", "hadn't", "couldn't", "woke", "went", "got", "became", "came", "found",
                            "started", "stopped", "lived", "owned", "ran", "ruled", "won"})

#: Common irregular verbs: base -> (past, past participle).
IRREGULAR = {
    "be": ("was", "been"), "become": ("became", "become"), "begin": ("began", "begun"), "bring": ("brought", "brought"),
    "build": ("built", "built"), "buy": ("bought", "bought"), "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"), "come": ("came", "come"), "cost": ("cost", "cost"), "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"), "do": ("did", "done"), "draw": ("drew", "drawn"), "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feel": ("felt", "felt"), "fight": ("fought", "fought"),
    "find": ("found", "found"), "forget": ("forgot", "forgotten"), "get": ("got", "got"), "give": ("gave", "given"),
    "go": ("went", "gone"), "grow": ("grew", "grown"), "have": ("had", "had"), "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"), "hit": ("hit", "hit"), "hold": ("held", "held"), "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"), "know": ("knew", "known"), "lead": ("led", "led"), "learn": ("learned", "learned"),
    "leave": ("left", "left"), "lend": ("lent", "lent"), "let": ("let", "let"), "lose": ("lost", "lost"),
    "make": ("made", "made"), "mean": ("meant", "meant"), "meet": ("met", "met"), "pay": ("paid", "paid"),
    "put": ("put", "put"), "read": ("read", "read"), "ride": ("rode", "ridden"), "rise": ("rose", "risen"),
    "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"), "seek": ("sought", "sought"),
    "sell": ("sold", "sold"), "send": ("sent", "sent"), "set": ("set", "set"), "shake": ("shook", "shaken"),
    "show": ("showed", "shown"), "shut": ("shut", "shut"), "sing": ("sang", "sung"), "sit": ("sat", "sat"),
    "sleep": ("slept", "slept"), "speak": ("spoke", "spoken"), "spend": ("spent", "spent"),
    "stand": ("stood", "stood"), "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"),
    "strike": ("struck", "struck"), "swim": ("swam", "swum"), "take": ("took", "taken"),
    "teach": ("taught", "taught"), "tell": ("told", "told"), "think": ("thought", "thought"),
    "throw": ("threw", "thrown"), "understand": ("understood", "understood"), "wake": ("woke", "woken"),
    "wear": ("wore", "worn"), "win": ("won", "won"), "write": ("wrote", "written"), "break": ("broke", "broken"),
    "freeze": ("froze", "frozen"), "fly": ("flew", "flown"), "forgive": ("forgave", "forgiven"),
    "lay": ("laid", "laid"), "lie": ("lay", "lain"), "light": ("lit", "lit"), "prove": ("proved", "proven"),
    "quit": ("quit", "quit"), "shoot": ("shot", "shot"), "shrink": ("shrank", "shrunk"), "sink": ("sank", "sunk"),
    "spread": ("spread", "spread"), "spring": ("sprang", "sprung"), "swing": ("swung", "swung"),
    "undertake": ("undertook", "undertaken"), "withdraw": ("withdrew", "withdrawn"), "overcome": ("overcame", "overcome"),
    "bear": ("bore", "borne"), "beat": ("beat", "beaten"), "bend": ("bent", "bent"), "bet": ("bet", "bet"),
    "bind": ("bound", "bound"), "bite": ("bit", "bitten"), "blow": ("blew", "blown"), "burn": ("burnt", "burnt"),
    "feed": ("fed", "fed"), "forecast": ("forecast", "forecast"), "hang": ("hung", "hung"), "mislead": ("misled", "misled"),
    "upset": ("upset", "upset"), "wind": ("wound", "wound"), "rebuild": ("rebuilt", "rebuilt"), "get's": ("got", "got"),
}
#: Base forms of verbs that questions about groups and their work often use; with the
#: irregular verbs above they tell the parser where a subject ends and its verb starts.
VERBS = frozenset(IRREGULAR) | frozenset("""
    accept achieve act add address adapt affect agree aim allow appear apply appreciate approach argue arrange
    ask assess assume attend avoid balance believe belong benefit blame bother bump call care carry celebrate
    change check clarify close collaborate collect commit communicate compare complete connect consider contribute
    continue control convince cope count create deliver depend deserve design develop differ disagree discover
    discuss drop earn emerge employ enable encourage end engage enjoy ensure enter establish evaluate expect
    experience explain explore express face fail fear fill finish fit fix focus follow form foster fund gain
    gather generate guide handle happen hate help hire hope identify ignore imagine impact implement improve
    include increase influence inform inspire intend interest introduce invest invite involve join judge jump
    kill kick laugh launch host like limit link listen live look love maintain manage mark matter measure
    mention merge mind miss move need notice observe occur offer open operate organise organize own partner
    pass perform plan play prefer prepare present prevent produce promise protect provide publish pull push
    raise reach react realise realize receive recognise recognize recommend reduce reflect refuse relate release
    rely remain remember remove repeat replace report represent require resolve respect respond rest result
    return review reward risk sacrifice save schedule seem serve settle share shift shape shine sign solve sort
    sound spark start stay step stop strengthen struggle succeed suggest suit supply support suppose surprise
    sustain talk tend test thank touch track train transform treat trust try turn use value vary view visit
    wait walk want watch welcome wish wonder work worry yield tackle thrive unlock unite get put keep look
    become feel move mean trust accomplish answer build contribute decide define describe get happen help
    hold know lead learn like live make measure mean need notice play remember see share show speak
    spend stand stop take talk tell think understand want wonder work write agree exist stand
""".split())
#: Words that, right after a copula, describe the wh-word (so it is the subject):
#: "Who is missing?", "What is possible?".
PREDICATIVE = frozenset("""
    missing involved possible important needed left known different wrong true new next clear unclear
    happening going working helping hurting holding stopping getting driving making keeping emerging
    changing needing required available likely certain sure ready right best worst most least hard easy
    difficult useful valuable essential critical relevant necessary common shared special unique strong weak
    alive present absent behind underneath beneath at in on about within between still really already
    coming next left enough possible fresh hopeful better worse good bad great fine okay ok fair able
    happy useful effective successful safe worth part realistic ready proud afraid aware responsible
    interesting surprising exciting challenging frustrating irritating obvious constant confident
""".split())


def third_person(verb: str) -> str:
    """``verb`` with the -s of "she ___s": share -> shares, try -> tries, go -> goes."""
    if verb == "have":
        return "has"
    if verb == "be":
        return "is"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def past(verb: str) -> str:
    """The simple past of ``verb``: meet -> met, share -> shared, try -> tried."""
    if verb in IRREGULAR:
        return IRREGULAR[verb][0]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
        and verb in _DOUBLING
    ):
        return verb + verb[-1] + "ed"
    return verb + "ed"


#: One-syllable (or end-stressed) verbs that double their last letter: stop -> stopped.
_DOUBLING = frozenset("stop plan drop step bump ship shop fit commit admit prefer refer occur regret permit chat "
                      "grab hug rub skip slip tip trip sum jog nod pat plug".split())
