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
    // One transition table for the whole automaton, keyed by (node, character): a dictionary per
    // node was most of what building a document's matcher allocated. Each node keeps its parent,
    // character and depth, so the failure links are made level by level as a breadth-first walk would.
    private readonly Dictionary<long, int> _next = [];
    private readonly List<(int Parent, char Char, int Depth)> _nodes = [(0, '\0', 0)];
    private readonly List<int> _fail = [0];
    private readonly List<List<(int Length, T Value)>?> _out = [null];
    private bool _built;
    private SearchValues<char>? _starts;

    public int Count { get; private set; }

    private static long Key(int node, char c) => ((long)node << 16) | c;

    private bool TryNext(int node, char c, out int next) => _next.TryGetValue(Key(node, c), out next);

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
            if (!TryNext(node, c, out var child))
            {
                child = _nodes.Count;
                _nodes.Add((node, c, _nodes[node].Depth + 1));
                _fail.Add(0);
                _out.Add(null);
                _next[Key(node, c)] = child;
            }

            node = child;
        }

        (_out[node] ??= []).Add((pattern.Length, value));
        Count++;
    }

    private void Build()
    {
        // Nodes by depth (stable): a node's failure link and inherited outputs come from a shallower node.
        var order = Enumerable.Range(1, _nodes.Count - 1).OrderBy(n => _nodes[n].Depth);
        var starts = new List<char>();
        foreach (var child in order)
        {
            var (parent, c, depth) = _nodes[child];
            if (depth == 1)
            {
                starts.Add(c);
                continue; // a first character fails back to the root
            }

            var f = _fail[parent];
            while (f != 0 && !TryNext(f, c, out _))
            {
                f = _fail[f];
            }

            _fail[child] = TryNext(f, c, out var target) && target != child ? target : 0;
            if (_out[_fail[child]] is { } inherited)
            {
                (_out[child] ??= []).AddRange(inherited);
            }
        }

        _starts = SearchValues.Create([.. starts]);
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
            while (!TryNext(node, c, out next) && node != 0)
            {
                node = _fail[node];
            }

            node = TryNext(node, c, out next) ? next : 0;
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
