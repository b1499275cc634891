namespace PublishPipeline.Redaction.Names;

/// <summary>
/// Words a context can make look like a name (欠席議員（なし）, そして委員, 我々議員) that are never
/// one: pronouns, conjunctions, greetings and words of procedure the dictionary does not list as
/// ordinary nouns. They veto a hit that only a context suggested; they never unmask a registered person.
/// </summary>
internal static class OrdinaryWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "なし", "ない", "あり", "そして", "つきましては", "それでは", "それから", "ただいま", "ただ今", "こちら", "そちら", "あちら", "どちら",
        "もちろん", "ありがとう", "よろしく", "おはよう", "こんにちは", "さて", "では", "また", "まず", "なお", "ただし", "しかし", "ところで",
        "いわゆる", "かつて", "ちなみに", "あわせて", "あらためて", "みなさん", "みなさま", "みんな", "わたし", "わたくし", "われわれ",
        "我々", "私", "私ども", "私共", "僕", "皆", "皆様", "皆さん", "各位", "本人", "御本人", "同氏", "当方", "先方", "貴方", "貴殿",
        "自分", "自身", "各自", "一同", "全員", "両名", "某", "同人", "当人", "他", "各", "諸", "本", "当", "同", "故", "元", "前", "現",
        "今", "奥", "研", "母", "父", "兄", "姉", "弟", "妹", "娘", "孫", "嫁", "夫", "妻", "客", "欠員", "空席", "未定", "不在", "該当", "該当なし", "同上", "以下", "以上", "次", "各委員", "全委員", "各議員", "全議員",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
