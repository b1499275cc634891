using System.Buffers;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// 参考人の大河内誠⏎一さん: a line the normaliser did not join may cut a name in two, and neither half
/// reads as a name. The text is read once more with the line breaks between two name characters
/// removed, and only the names that span such a break are taken (the rest the first reading found).
/// Costs nothing for a text without such a break.
/// </summary>
public sealed partial class OfflineNameRecognizer
{
    private static bool IsJoinableAcrossBreak(char c) => IsKanji(c) || IsHiragana(c) || IsKatakana(c);

    private void NamesAcrossLineBreaks(ReadOnlySpan<char> text, List<NameSpan> found)
    {
        if (!HasNameBreak(text))
        {
            return;
        }

        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var map = ArrayPool<int>.Shared.Rent(text.Length);
        try
        {
            var n = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (BreakLengthAt(text, i) is var length and > 0)
                {
                    i += length - 1;
                    continue;
                }

                chars[n] = text[i];
                map[n] = i;
                n++;
            }

            var joined = chars.AsSpan(0, n);
            var spans = new List<NameSpan>();
            RecognizeLabelled(joined, spans);
            RecognizeProse(joined, spans);
            foreach (var span in spans)
            {
                var start = map[span.Start];
                var end = map[span.Start + span.Length - 1] + 1;
                if (end - start > span.Length)
                {
                    found.Add(span with { Start = start, Length = end - start });
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(map);
        }
    }

    private static bool HasNameBreak(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAny('\n', '\r'); i >= 0 && i < text.Length; i++)
        {
            if (BreakLengthAt(text, i) > 0)
            {
                return true;
            }

            var next = text[(i + 1)..].IndexOfAny('\n', '\r');
            if (next < 0)
            {
                return false;
            }

            i += next;
        }

        return false;
    }

    /// <summary>The length of a line break (\n, \r\n or \r) at <paramref name="i"/> between two name characters, or 0.</summary>
    private static int BreakLengthAt(ReadOnlySpan<char> text, int i)
    {
        if (i == 0 || text[i] is not ('\n' or '\r') || !IsJoinableAcrossBreak(text[i - 1]))
        {
            return 0;
        }

        // 反対者　２名⏎蒔田奈央君: a count ends its line; joined, 名 was read into the name on the next.
        if (text[i - 1] is '名' or '人' && i >= 2 && char.IsDigit(text[i - 2]))
        {
            return 0;
        }

        var length = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
        return i + length < text.Length && IsJoinableAcrossBreak(text[i + length]) ? length : 0;
    }
}
