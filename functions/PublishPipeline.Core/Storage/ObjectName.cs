namespace PublishPipeline.Storage;

/// <summary>
/// Object names come from uploads and are untrusted: this is the one place that decides whether a
/// name may be used as a path, so that no name escapes its container or overwrites another.
/// </summary>
public static class ObjectName
{
    public const int MaxLength = 1024;

    /// <summary>Null when <paramref name="name"/> is usable, else what is wrong with it.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"the name is {name.Length} characters long; at most {MaxLength} are allowed";
        }

        // Decomposed (NFD) names are usable: macOS writes them. The id is made from the NFC form
        // (MinutesId), so both spellings of one name are one document.
        foreach (var c in name)
        {
            if (char.IsControl(c) || c == '\\' || c == ':' || c == '\u2028' || c == '\u2029')
            {
                return $"the name contains the character U+{(int)c:X4}";
            }
        }

        if (name[0] == '/' || name[^1] == '/')
        {
            return "the name starts or ends with '/'";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Trim().Length == 0)
            {
                return $"the name has an empty, '.' or '..' segment";
            }

            if (segment.EndsWith('.') || segment.EndsWith(' '))
            {
                return "a segment of the name ends with '.' or a space";
            }
        }

        return null;
    }

    /// <summary>Returns <paramref name="name"/> when usable, else throws with the reason.</summary>
    public static string Validate(string? name) =>
        Problem(name) is { } problem
            ? throw new ArgumentException($"Unusable object name: {problem}.", nameof(name))
            : name!;
}
