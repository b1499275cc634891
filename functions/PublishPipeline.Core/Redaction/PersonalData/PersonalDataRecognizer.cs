using System.Text.RegularExpressions;

namespace PublishPipeline.Redaction.PersonalData;

/// <summary>Personal data other than names a site may choose to mask (opt-in: <see cref="RedactionPolicy.PersonalData"/>).</summary>
[Flags]
public enum PersonalDataKinds
{
    None = 0,
    /// <summary>Telephone numbers (03-1234-5678, 090-1234-5678, ０３（１２３４）５６７８).</summary>
    Phone = 1,
    /// <summary>E-mail addresses.</summary>
    Email = 2,
    /// <summary>Street addresses of private persons (住所：…1丁目2番3号, 自宅 …番地).</summary>
    Address = 4,
    All = Phone | Email | Address,
}

/// <summary>
/// Finds phone numbers, e-mail addresses and private street addresses. The office contacts a ward
/// publishes stay: a number or address the policy lists, a public body's mail domain (.lg.jp,
/// .go.jp), or one the same line gives for an office (課, 係, 事務局, 代表, 問い合わせ …). A street
/// address is taken only where the text says it is where someone lives (住所, 自宅, お住まい, 在住).
/// </summary>
public sealed partial class PersonalDataRecognizer
{
    private static readonly string[] OfficeWords = ["課", "係", "室", "局", "部", "センター", "事務所", "窓口", "代表", "問い合わせ", "問合せ", "問合わせ", "役所", "役場", "庁舎", "担当", "FAX", "ＦＡＸ", "ファクス"];
    private static readonly string[] HomeWords = ["住所", "自宅", "お住まい", "お住い", "在住", "居住", "現住所", "方）"];

    private readonly PersonalDataKinds _kinds;
    private readonly HashSet<string> _officeContacts;

    public PersonalDataRecognizer(PersonalDataKinds kinds, IEnumerable<string>? officeContacts = null)
    {
        _kinds = kinds;
        _officeContacts = new HashSet<string>((officeContacts ?? []).Select(Key), StringComparer.Ordinal);
    }

    public void Recognize(string text, List<NameSpan> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        if (_kinds.HasFlag(PersonalDataKinds.Phone))
        {
            foreach (Match m in Phone().Matches(text))
            {
                if (!IsOfficeContact(text, m))
                {
                    found.Add(new NameSpan(m.Index, m.Length, "personal-data:phone", 1.0));
                }
            }
        }

        if (_kinds.HasFlag(PersonalDataKinds.Email))
        {
            foreach (Match m in Email().Matches(text))
            {
                var domain = m.Value[(m.Value.IndexOfAny(['@', '＠']) + 1)..].ToLowerInvariant();
                if (!domain.EndsWith(".lg.jp", StringComparison.Ordinal) && !domain.EndsWith(".go.jp", StringComparison.Ordinal) && !IsOfficeContact(text, m))
                {
                    found.Add(new NameSpan(m.Index, m.Length, "personal-data:email", 1.0));
                }
            }
        }

        if (_kinds.HasFlag(PersonalDataKinds.Address))
        {
            foreach (Match m in Address().Matches(text))
            {
                var line = LineBefore(text, m.Index, 16);
                if (HomeWords.Any(w => line.Contains(w, StringComparison.Ordinal)) && !_officeContacts.Contains(Key(m.Value)))
                {
                    found.Add(new NameSpan(m.Index, m.Length, "personal-data:address", 1.0));
                }
            }
        }
    }

    private bool IsOfficeContact(string text, Match m)
    {
        if (_officeContacts.Contains(Key(m.Value)))
        {
            return true;
        }

        var line = LineBefore(text, m.Index, 24);
        return OfficeWords.Any(w => line.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Up to <paramref name="length"/> characters before <paramref name="at"/> on the same line.</summary>
    private static string LineBefore(string text, int at, int length)
    {
        var from = Math.Max(0, at - length);
        var newline = text.LastIndexOf('\n', Math.Max(0, at - 1));
        if (newline >= from)
        {
            from = newline + 1;
        }

        return text[from..at];
    }

    /// <summary>Digits and letters only, in ASCII: 03-1234-5678, ０３（１２３４）５６７８ and 0312345678 are one number.</summary>
    private static string Key(string contact)
    {
        var chars = contact.Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant);
        return new string([.. chars]);
    }

    [GeneratedRegex(@"(?<![0-9０-９])(?:0|０)[0-9０-９]{1,4}(?:[-－‐ー（(）)]|\s)?[0-9０-９]{1,4}(?:[-－‐ー（(）)]|\s)?[0-9０-９]{3,4}(?![0-9０-９])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}々ヶ]{1,10}(?:[0-9０-９一二三四五六七八九十]+丁目)?[0-9０-９]+(?:番地?|－|-)(?:の?[0-9０-９]+(?:号|－|-)?)?(?:[0-9０-９]+号?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
