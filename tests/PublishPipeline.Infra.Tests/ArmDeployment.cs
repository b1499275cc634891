using System.Globalization;
using System.Text.Json.Nodes;

namespace PublishPipeline.Infra.Tests;

/// <summary>
/// Which resources of the compiled template a deployment with given parameters creates: every
/// condition (and every module parameter a condition reads) is evaluated with the ARM template
/// functions the templates here use. A value ARM only knows during the deployment (a module's
/// output, a new identity's id) is <see cref="DeploymentValue"/>: present, never null or empty. A
/// condition that would depend on one, or a function outside this subset, fails the test loudly.
/// </summary>
internal sealed class ArmDeployment
{
    private readonly ArmTemplate _template;
    private readonly string _subscriptionId;

    public ArmDeployment(ArmTemplate template, IReadOnlyDictionary<string, object?> parameters, string subscriptionId = "00000000-0000-0000-0000-000000000000")
    {
        _template = template;
        _subscriptionId = subscriptionId;
        var main = new Scope(this, template.Root, parameters, null);
        foreach (var (name, resource) in Items(template.Root["resources"]))
        {
            if (!main.Condition(resource))
            {
                continue;
            }

            DeployedModules.Add(name);
            if (resource["type"]?.GetValue<string>() == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                var moduleParameters = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (parameter, entry) in (resource["properties"]?["parameters"] as JsonObject ?? []).Select(p => (p.Key, p.Value)))
                {
                    var value = entry is JsonValue ? main.Evaluate(entry) : main.Evaluate(entry?["value"]);
                    moduleParameters[parameter] = value is Dictionary<string, object?> wrapped && wrapped.TryGetValue("value", out var inner) && entry is JsonValue ? inner : value;
                }

                ModuleParameters[name] = moduleParameters;
                var scope = new Scope(this, nested, moduleParameters, main);
                foreach (var (_, inner) in Items(nested["resources"]))
                {
                    if (scope.Condition(inner))
                    {
                        Resources.Add(_template.Resources.Single(r => r.Module == name && ReferenceEquals(r.Json, inner)));
                    }
                }
            }
        }
    }

    /// <summary>A value known only while deploying: present, and not empty.</summary>
    public static readonly object DeploymentValue = new();

    public List<string> DeployedModules { get; } = [];

    public Dictionary<string, Dictionary<string, object?>> ModuleParameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources inside modules that this deployment creates.</summary>
    public List<ArmResource> Resources { get; } = [];

    private static IEnumerable<(string Key, JsonObject Node)> Items(JsonNode? resources) => resources switch
    {
        JsonObject byName => byName.Where(p => p.Value is JsonObject).Select(p => (p.Key, (JsonObject)p.Value!)),
        JsonArray list => list.OfType<JsonObject>().Select((n, i) => (i.ToString(CultureInfo.InvariantCulture), n)),
        _ => [],
    };

    private sealed class Scope(ArmDeployment deployment, JsonObject template, IReadOnlyDictionary<string, object?> parameters, Scope? parent)
    {
        private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

        public bool Condition(JsonObject resource) =>
            resource["condition"] is not { } condition || Evaluate(condition) switch
            {
                bool b => b,
                var other => throw new InvalidOperationException($"condition {condition} evaluated to {other ?? "null"}, not a bool"),
            };

        public object? Evaluate(JsonNode? node) => node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s.StartsWith("[[", StringComparison.Ordinal) ? s[1..]
                : s.StartsWith('[') && s.EndsWith(']') ? new Parser(s[1..^1], this).Expression() : s,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            JsonValue v when v.TryGetValue<long>(out var l) => l,
            JsonObject o => o.ToDictionary(p => p.Key, p => Evaluate(p.Value), StringComparer.Ordinal),
            JsonArray a => a.Select(Evaluate).ToList(),
            _ => throw new InvalidOperationException($"cannot read {node}"),
        };

        public object? Call(string function, List<object?> args)
        {
            var lower = function.ToLowerInvariant();
            if (lower is "equals" or "length" or "split" or "tolower" && args.Any(a => a == DeploymentValue))
            {
                return DeploymentValue;
            }

            switch (lower)
            {
                case "parameters":
                    var name = (string)args[0]!;
                    return parameters.TryGetValue(name, out var given) ? given : Evaluate(template["parameters"]?[name]?["defaultValue"]);
                case "variables":
                    var variable = (string)args[0]!;
                    if (!_variables.TryGetValue(variable, out var value))
                    {
                        _variables[variable] = value = Evaluate(template["variables"]?[variable] ?? throw new InvalidOperationException($"no variable {variable}"));
                    }

                    return value;
                case "reference":
                    // Another resource's state: known once deployed (if() picks null where it is not).
                    return parent is not null || deployment._template.Root["resources"]?[(string)args[0]!] is not null ? DeploymentValue
                        : throw new InvalidOperationException($"reference('{args[0]}') to no resource of the template");
                case "tryget":
                    var target = args[0];
                    foreach (var key in args.Skip(1))
                    {
                        target = target switch
                        {
                            null => null,
                            _ when target == DeploymentValue => DeploymentValue,
                            Dictionary<string, object?> d => d.GetValueOrDefault((string)key!),
                            _ => throw new InvalidOperationException("tryGet on a non-object"),
                        };
                    }

                    return target;
                case "coalesce":
                    return args.FirstOrDefault(a => a is not null);
                case "null":
                    return null;
                case "true":
                    return true;
                case "false":
                    return false;
                case "and":
                    return args.All(Bool);
                case "or":
                    return args.Any(Bool);
                case "not":
                    return !Bool(args[0]);
                case "equals":
                    return Equals(args[0], args[1]);
                case "empty":
                    return args[0] switch
                    {
                        null => true,
                        _ when args[0] == DeploymentValue => false,
                        string s => s.Length == 0,
                        List<object?> l => l.Count == 0,
                        Dictionary<string, object?> d => d.Count == 0,
                        _ => false,
                    };
                case "length":
                    return args[0] switch
                    {
                        string s => (long)s.Length,
                        List<object?> l => (long)l.Count,
                        var other => throw new InvalidOperationException($"length of {other}"),
                    };
                case "split":
                    return ((string)args[0]!).Split((string)args[1]!).Cast<object?>().ToList();
                case "tolower":
                    return ((string)args[0]!).ToLowerInvariant();
                case "createobject":
                    return Enumerable.Range(0, args.Count / 2).ToDictionary(i => (string)args[2 * i]!, i => args[(2 * i) + 1], StringComparer.Ordinal);
                case "subscription":
                    return new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["subscriptionId"] = deployment._subscriptionId,
                        ["id"] = $"/subscriptions/{deployment._subscriptionId}",
                    };
                default:
                    // Anything else (resourceId, format, guid ...) makes a value only the deployment knows.
                    return DeploymentValue;
            }
        }

        public static bool Bool(object? value) =>
            value == DeploymentValue ? throw new InvalidOperationException("a decision depends on a value known only while deploying")
            : value is bool b ? b : throw new InvalidOperationException($"{value ?? "null"} is not a bool");
    }

    /// <summary>Recursive descent over ARM expression syntax: calls, 'strings', numbers, .property and [index].</summary>
    private sealed class Parser(string text, Scope scope)
    {
        private int _at;

        public object? Expression()
        {
            Skip();
            object? value;
            if (Peek('\''))
            {
                value = String();
            }
            else if (char.IsDigit(text[_at]) || Peek('-'))
            {
                var start = _at++;
                while (_at < text.Length && char.IsDigit(text[_at]))
                {
                    _at++;
                }

                value = long.Parse(text[start.._at], CultureInfo.InvariantCulture);
            }
            else if (IfAhead())
            {
                // if() is lazy in ARM: the branch not taken is never evaluated (it may index past an end).
                Identifier();
                Expect('(');
                var condition = Expression();
                var taken = _skipping || Scope.Bool(condition);
                Expect(',');
                var then = Branch(!taken);
                Expect(',');
                var otherwise = Branch(taken);
                Expect(')');
                value = _skipping ? null : taken ? then : otherwise;
            }
            else
            {
                var name = Identifier();
                Expect('(');
                var args = new List<object?>();
                Skip();
                while (!Peek(')'))
                {
                    args.Add(Expression());
                    Skip();
                    if (Peek(','))
                    {
                        _at++;
                    }
                }

                Expect(')');
                value = _skipping ? null : scope.Call(name, args);
            }

            while (true)
            {
                Skip();
                if (Peek('.'))
                {
                    _at++;
                    var property = Identifier();
                    value = _skipping ? null : Member(value, property);
                }
                else if (Peek('['))
                {
                    _at++;
                    var index = Expression();
                    Expect(']');
                    value = _skipping ? null
                        : value == DeploymentValue ? DeploymentValue
                        : value is List<object?> list ? list[(int)(long)index!]
                        : Member(value, (string)index!);
                }
                else
                {
                    return value;
                }
            }
        }

        private bool _skipping;

        private bool IfAhead()
        {
            var rest = text.AsSpan(_at);
            return rest.StartsWith("if(", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("if (", StringComparison.OrdinalIgnoreCase);
        }

        private object? Branch(bool skip)
        {
            var was = _skipping;
            _skipping = was || skip;
            var value = Expression();
            _skipping = was;
            return value;
        }

        private static object? Member(object? value, string property) => value switch
        {
            _ when value == DeploymentValue => DeploymentValue,
            Dictionary<string, object?> d => d.TryGetValue(property, out var v) ? v : throw new InvalidOperationException($"no property {property}"),
            _ => throw new InvalidOperationException($"property {property} of {value ?? "null"}"),
        };

        private string String()
        {
            var builder = new System.Text.StringBuilder();
            _at++;
            while (true)
            {
                if (text[_at] == '\'')
                {
                    if (_at + 1 < text.Length && text[_at + 1] == '\'')
                    {
                        builder.Append('\'');
                        _at += 2;
                        continue;
                    }

                    _at++;
                    return builder.ToString();
                }

                builder.Append(text[_at++]);
            }
        }

        private string Identifier()
        {
            Skip();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '$' or '#'))
            {
                _at++;
            }

            return start == _at ? throw new InvalidOperationException($"expected a name at {_at} in {text}") : text[start.._at];
        }

        private bool Peek(char c) => _at < text.Length && text[_at] == c;

        private void Expect(char c)
        {
            Skip();
            if (!Peek(c))
            {
                throw new InvalidOperationException($"expected '{c}' at {_at} in {text}");
            }

            _at++;
        }

        private void Skip()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }
    }
}
