using System.Globalization;

namespace PublishPipeline.Azure.Language;

/// <summary>A piece of the document sent as one Language API document: [Start, Start+Length) of the whole text.</summary>
public readonly record struct TextChunk(int Start, int Length);

/// <summary>
/// Splits a text into pieces of at most N text elements (what the service counts), ending at a
/// sentence (。) or line break when there is one, and never inside a surrogate pair or grapheme.
/// </summary>
public static class TextChunker
{
    public static IReadOnlyList<TextChunk> Split(string text, int maxTextElements)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTextElements, 1);
        var chunks = new List<TextChunk>();
        var start = 0;
        while (start < text.Length)
        {
            var position = start;
            var count = 0;
            var lastBoundary = -1;
            while (position < text.Length && count < maxTextElements)
            {
                position += StringInfo.GetNextTextElementLength(text.AsSpan(position));
                count++;
                if (text[position - 1] is '。' or '\n')
                {
                    lastBoundary = position;
                }
            }

            var end = position >= text.Length ? text.Length : lastBoundary > start ? lastBoundary : position;
            if (!text.AsSpan(start, end - start).IsWhiteSpace())
            {
                chunks.Add(new TextChunk(start, end - start));
            }

            start = end;
        }

        return chunks;
    }
}
