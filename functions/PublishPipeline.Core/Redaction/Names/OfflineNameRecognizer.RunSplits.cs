using System.Numerics;
using static PublishPipeline.Redaction.Names.JapaneseText;

namespace PublishPipeline.Redaction.Names;

public sealed partial class OfflineNameRecognizer
{
    /// <summary>
    /// One kanji run read as a surname and a given name, looked up once for every full-name rule that
    /// reads it (the strict pair 加藤八郎, the loose full name 阿子島陽子, a surname before a hiragana
    /// given name 佐藤ひろし): the places where the run splits into 2+ characters and a given name
    /// the dictionary knows, which all of those rules need, and whether the whole run is a word or a
    /// compound, asked at most once. Each rule asks its own conditions of these splits.
    /// </summary>
    private ref struct RunSplits
    {
        private readonly OfflineNameRecognizer recognizer;

        /// <summary>Bit k: the run splits at k (2+ characters each side, not inside a surrogate pair) and run[k..] is a known given name.</summary>
        private readonly uint givenNameSplits;

        private bool? ordinary;

        /// <summary>A full name is 4–6 characters: shorter or longer runs get no split.</summary>
        public RunSplits(OfflineNameRecognizer recognizer, ReadOnlySpan<char> run)
        {
            this.recognizer = recognizer;
            Run = run;
            CodePointCount = CodePoints(run);
            if (CodePointCount is < 4 or > 6)
            {
                return;
            }

            for (var k = 2; k <= run.Length - 2; k++)
            {
                if (!char.IsLowSurrogate(run[k]) && recognizer.lexicon.IsGivenName(run[k..]))
                {
                    givenNameSplits |= 1u << k;
                }
            }
        }

        public ReadOnlySpan<char> Run { get; }

        public int CodePointCount { get; }

        /// <summary>Where the run splits before a known given name, first split first.</summary>
        public readonly SplitPoints GivenNameSplits => new(givenNameSplits);

        /// <summary>The whole run is an ordinary word or place, or a compound of words: no name.</summary>
        public bool IsOrdinary()
        {
            ordinary ??= recognizer.lexicon.IsWord(Run) || recognizer.IsCompound(Run, places: false);
            return ordinary.Value;
        }
    }

    /// <summary>The split points of <see cref="RunSplits"/>, one bit each.</summary>
    private readonly struct SplitPoints(uint bits)
    {
        public Enumerator GetEnumerator() => new(bits);

        public struct Enumerator(uint bits)
        {
            private uint remaining = bits;

            public int Current { get; private set; }

            public bool MoveNext()
            {
                if (remaining == 0)
                {
                    return false;
                }

                Current = BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
                return true;
            }
        }
    }
}
