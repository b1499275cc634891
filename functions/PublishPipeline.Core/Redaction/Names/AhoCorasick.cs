using System.Buffers;

namespace PublishPipeline.Redaction.Names;

/// <summary>
/// A multi-pattern matcher (Aho–Corasick): every occurrence of every pattern in one pass over the
/// text, so masking a register of a hundred people costs the same as masking one. Patterns are
/// matched on characters as given (callers fold and compact first). Built once per document.
/// </summary>
/// <typeparam name="T">What a pattern stands for (a person and how the pattern names them).</typeparam>
internal sealed class AhoCorasick<T>
{
    private readonly List<Dictionary<char, int>> _next = [[]];
    private readonly List<int> _fail = [0];
    private readonly List<List<(int Length, T Value)>?> _out = [null];
    private bool _built;
    private SearchValues<char>? _starts;

    public int Count { get; private set; }

    public void Add(string pattern, T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (_built)
        {
            throw new InvalidOperationException("Patterns are added before the first search.");
        }

        var node = 0;
        foreach (var c in pattern)
        {
            if (!_next[node].TryGetValue(c, out var child))
            {
                child = _next.Count;
                _next.Add([]);
                _fail.Add(0);
                _out.Add(null);
                _next[node][c] = child;
            }

            node = child;
        }

        (_out[node] ??= []).Add((pattern.Length, value));
        Count++;
    }

    private void Build()
    {
        var queue = new Queue<int>();
        foreach (var child in _next[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in _next[node])
            {
                var f = _fail[node];
                while (f != 0 && !_next[f].ContainsKey(c))
                {
                    f = _fail[f];
                }

                _fail[child] = _next[f].TryGetValue(c, out var target) && target != child ? target : 0;
                if (_out[_fail[child]] is { } inherited)
                {
                    (_out[child] ??= []).AddRange(inherited);
                }

                queue.Enqueue(child);
            }
        }

        _starts = SearchValues.Create([.. _next[0].Keys]);
        _built = true;
    }

    /// <summary>Every (start, length, value) occurrence in <paramref name="text"/>, overlapping ones included, in order of their end.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<(int Start, int Length, T Value)> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (Count == 0)
        {
            return;
        }

        if (!_built)
        {
            Build();
        }

        var node = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (node == 0)
            {
                // At the root nothing is under way: jump (vectorised) to the next character that starts a pattern.
                var skip = text[i..].IndexOfAny(_starts!);
                if (skip < 0)
                {
                    return;
                }

                i += skip;
            }

            var c = text[i];
            int next;
            while (!_next[node].TryGetValue(c, out next) && node != 0)
            {
                node = _fail[node];
            }

            node = _next[node].TryGetValue(c, out next) ? next : 0;
            if (_out[node] is { } hits)
            {
                foreach (var (length, value) in hits)
                {
                    found.Add((i + 1 - length, length, value));
                }
            }
        }
    }
}
