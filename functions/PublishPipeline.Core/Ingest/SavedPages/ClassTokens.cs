namespace PublishPipeline.Ingest.SavedPages;

/// <summary>How a saved page's class tokens and ids name what an element is (chrome, a speaker).</summary>
internal static class ClassTokens
{
    /// <summary>True when the token is one of <paramref name="words"/>, or one joined by - or _ (word-…, …_word), in any case.</summary>
    public static bool NamesAny(ReadOnlySpan<char> token, string[] words)
    {
        Span<char> t = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        token.ToLowerInvariant(t);
        foreach (var word in words)
        {
            // compared in place: no string per token and word
            if (t.SequenceEqual(word)
                || (t.Length > word.Length && t.StartsWith(word, StringComparison.Ordinal) && t[word.Length] is '-' or '_')
                || (t.Length > word.Length && t.EndsWith(word, StringComparison.Ordinal) && t[^(word.Length + 1)] is '-' or '_'))
            {
                return true;
            }
        }

        return false;
    }
}
