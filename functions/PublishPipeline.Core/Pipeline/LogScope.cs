using System.Collections;

namespace PublishPipeline.Pipeline;

/// <summary>
/// A log scope of named values (document id, stage, …). Structured loggers read the pairs as
/// attributes (OpenTelemetry, JSON console); text loggers print <see cref="ToString"/>.
/// </summary>
public sealed class LogScope(params (string Key, object? Value)[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values = [.. values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value))];

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', _values.Where(v => v.Value is not null).Select(v => $"{v.Key}={v.Value}"));
}
