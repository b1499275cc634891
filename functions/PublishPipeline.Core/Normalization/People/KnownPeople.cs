using PublishPipeline.Model;

namespace PublishPipeline.Normalization.People;

/// <summary>
/// What the document itself says about its people, gathered from the places that state it plainly
/// (roll entries, 役職（氏名） labels): full names with their surname, surnames, and offices. Packed
/// labels (谷井生活環境部長) are split with it before any lexicon guess, because the document's own
/// roll is the best evidence of where a name ends.
/// </summary>
internal sealed class KnownPeople
{
    private readonly Dictionary<string, (string Family, string? Given)> _split = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _offices = new(StringComparer.Ordinal);
    private int _longestOffice;

    public int Count => _names.Count + _offices.Count;

    public void Add(PersonMention person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Name is { Length: > 0 } name)
        {
            _names.Add(name);
            if (person.FamilyName is { Length: > 0 } family && family.Length < name.Length)
            {
                _split.TryAdd(name, (family, person.GivenName));
            }

            if (person.FamilyName is { Length: > 0 } surname)
            {
                _names.Add(surname);
            }
        }

        if (person.Role is { Length: >= 2 } role && role.Length <= 40)
        {
            _offices.Add(role);
            _longestOffice = Math.Max(_longestOffice, role.Length);
        }
    }

    private readonly HashSet<string> _places = new(StringComparer.Ordinal);

    /// <summary>A place the document is about (練馬 of 練馬区): never a name before an office.</summary>
    public void AddPlace(string place)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (place.Length >= 2)
        {
            _places.Add(place);
        }
    }

    public bool IsPlace(string text) => _places.Contains(text);

    public string? FamilyOf(string name) => _split.TryGetValue(name, out var s) ? s.Family : null;

    public string? GivenOf(string name) => _split.TryGetValue(name, out var s) ? s.Given : null;

    /// <summary>The longest office the document names that ends <paramref name="label"/> after a name of 1–5 characters.</summary>
    public string? OfficeEnding(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        for (var start = Math.Max(1, label.Length - _longestOffice); start <= label.Length - 2 && start <= 5; start++)
        {
            if (_offices.Contains(label[start..]))
            {
                return label[start..];
            }
        }

        return null;
    }

    /// <summary>The longest name or surname the document names that starts <paramref name="label"/> and leaves a title after it.</summary>
    public string? NameStarting(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        for (var length = Math.Min(6, label.Length - 1); length >= 1; length--)
        {
            if (_names.Contains(label[..length]) && OfficeWords.TitleAtEnd(label.AsSpan(length)) is not null)
            {
                return label[..length];
            }
        }

        return null;
    }
}
