using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PublishPipeline.Ingest;

/// <summary>
/// The numbers a reader sees in front of automatically numbered items ("(1)", "第2条", "ア"). Word,
/// Markdown and HTML lists generate them; minutes refer to agenda items by them, so ingest writes
/// them into the item's text as if typed.
/// </summary>
internal static class ListLabels
{
    private const string Aiueo = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
    private const string Iroha = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";
    private const string Kanji = "〇一二三四五六七八九";

    /// <summary>A counter in one of Word's number formats (w:numFmt); "" for bullets and none.</summary>
    public static string Format(int value, string format)
    {
        switch (format)
        {
            case "bullet" or "none":
                return string.Empty;
            case "decimalZero":
                return value.ToString("00", CultureInfo.InvariantCulture);
            case "decimalFullWidth" or "decimalFullWidth2":
                return string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(d => (char)('０' + (d - '0'))));
            case "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when value is >= 1 and <= 20:
                return ((char)('①' + value - 1)).ToString();
            case "decimalEnclosedParen" when value is >= 1 and <= 20:
                return ((char)('⑴' + value - 1)).ToString();
            case "decimalEnclosedFullstop" when value is >= 1 and <= 20:
                return ((char)('⒈' + value - 1)).ToString();
            case "upperLetter" or "lowerLetter":
                var letter = (char)((format == "upperLetter" ? 'A' : 'a') + ((value - 1) % 26));
                return new string(letter, ((value - 1) / 26) + 1);
            case "upperRoman" or "lowerRoman":
                var roman = Roman(value);
                return format == "upperRoman" ? roman : roman.ToLowerInvariant();
            case "aiueo" or "aiueoFullWidth":
                return Aiueo[(value - 1) % Aiueo.Length].ToString();
            case "iroha" or "irohaFullWidth":
                return Iroha[(value - 1) % Iroha.Length].ToString();
            case "ideographDigital" or "japaneseDigitalTenThousand":
                return string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(d => Kanji[d - '0']));
            case "japaneseCounting" or "ideographTraditional" or "chineseCounting" or "chineseCountingThousand" or "japaneseLegal" when value is > 0 and < 10000:
                return JapaneseCounting(value);
            default:
                return value.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Roman(int value)
    {
        if (value is <= 0 or >= 4000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var builder = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            while (value >= values[i])
            {
                builder.Append(symbols[i]);
                value -= values[i];
            }
        }

        return builder.ToString();
    }

    private static string JapaneseCounting(int value)
    {
        var builder = new StringBuilder();
        foreach (var (unit, name) in new[] { (1000, "千"), (100, "百"), (10, "十") })
        {
            var digit = value / unit;
            if (digit > 0)
            {
                builder.Append(digit > 1 ? Kanji[digit].ToString() : string.Empty).Append(name);
            }

            value %= unit;
        }

        return value > 0 ? builder.Append(Kanji[value]).ToString() : builder.ToString();
    }

    /// <summary>Word numbering: counters per list (w:numId) and level, rendered through each level's w:lvlText.</summary>
    internal sealed class WordNumbering
    {
        private readonly Dictionary<int, NumberingInstance> instances = [];
        private readonly Dictionary<int, AbstractNum> abstracts = [];
        private readonly Dictionary<int, int[]> counters = [];

        public WordNumbering(MainDocumentPart part)
        {
            var numbering = part.NumberingDefinitionsPart?.Numbering;
            if (numbering is null)
            {
                return;
            }

            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                if (abstractNum.AbstractNumberId?.Value is int id)
                {
                    abstracts.TryAdd(id, abstractNum);
                }
            }

            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (instance.NumberID?.Value is int id)
                {
                    instances.TryAdd(id, instance);
                }
            }
        }

        /// <summary>
        /// The label of the next item of list <paramref name="numId"/> at <paramref name="level"/> with the space
        /// that follows it (Word's tab or space suffix; none for "nothing"), counting the item; "" for bullets.
        /// </summary>
        public string Next(int numId, int level)
        {
            if (level is < 0 or > 8 || !instances.TryGetValue(numId, out var instance)
                || instance.AbstractNumId?.Val?.Value is not int abstractId || !abstracts.TryGetValue(abstractId, out var abstractNum))
            {
                return string.Empty;
            }

            if (!counters.TryGetValue(numId, out var counter))
            {
                counter = new int[9];
                for (var i = 0; i < 9; i++)
                {
                    counter[i] = Start(instance, abstractNum, i) - 1;
                }

                counters[numId] = counter;
            }

            counter[level]++;
            for (var deeper = level + 1; deeper < 9; deeper++)
            {
                counter[deeper] = Start(instance, abstractNum, deeper) - 1;
            }

            var definition = Level(instance, abstractNum, level);
            var text = definition?.LevelText?.Val?.Value;
            if (text is null || definition!.NumberingFormat?.Val?.InnerText is "bullet")
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
                {
                    var referenced = text[i + 1] - '1';
                    var format = Level(instance, abstractNum, referenced)?.NumberingFormat?.Val?.InnerText ?? "decimal";
                    if (definition.IsLegalNumberingStyle is not null && referenced < level)
                    {
                        format = "decimal";
                    }

                    builder.Append(Format(Math.Max(1, counter[referenced]), format));
                    i++;
                }
                else
                {
                    builder.Append(text[i]);
                }
            }

            if (builder.Length > 0 && definition.LevelSuffix?.Val?.InnerText is not "nothing")
            {
                builder.Append(' ');
            }

            return builder.ToString();
        }

        private static Level? Level(NumberingInstance instance, AbstractNum abstractNum, int level)
        {
            var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.Level;
            return overridden ?? abstractNum.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
        }

        private static int Start(NumberingInstance instance, AbstractNum abstractNum, int level)
        {
            var startOverride = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;
            return startOverride ?? Level(instance, abstractNum, level)?.StartNumberingValue?.Val?.Value ?? 1;
        }
    }
}
