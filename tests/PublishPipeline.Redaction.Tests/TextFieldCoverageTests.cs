using System.Collections;
using System.Reflection;
using PublishPipeline.Model;
using PublishPipeline.Redaction;

namespace PublishPipeline.Redaction.Tests;

/// <summary>
/// Fail-safe for the model: every string a <see cref="Minutes"/> can carry is published in the
/// open-data JSON, so each must be a field redaction looks at, or be named here as one that cannot
/// hold a name. A field added to the model without either fails this test.
/// </summary>
public sealed class TextFieldCoverageTests
{
    /// <summary>Strings that are codes, ids, hashes or times, never free text.</summary>
    private static readonly HashSet<string> NotFreeText =
    [
        "Id", "Session", "Municipality", "StartTime", "EndTime",
        "Source.Format", "Source.Encoding", "Source.Sha256",
        "Warnings.Code",
        "Rolls.Entries.Number", "Sections.Turns.Person.Number", "Sections.Turns.Mentions.Number",
    ];

    [Fact]
    public void Every_string_of_the_model_is_collected_or_declared_not_free_text()
    {
        var counter = 0;
        var minutes = (Minutes)Fill(typeof(Minutes), "", ref counter)!;
        var collected = MinutesTextFields.Collect(minutes).Select(f => f.Text).ToHashSet(StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var (path, value) in Strings(minutes, ""))
        {
            if (!NotFreeText.Contains(path) && !collected.Contains(value))
            {
                missing.Add(path);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Rebuild_puts_every_collected_field_back_where_it_came_from()
    {
        var counter = 0;
        var minutes = (Minutes)Fill(typeof(Minutes), "", ref counter)!;
        var fields = MinutesTextFields.Collect(minutes);
        var replaced = fields.ToDictionary(f => f.Location, f => "X" + f.Text, StringComparer.Ordinal);

        var rebuilt = MinutesTextFields.Rebuild(minutes, replaced);

        var again = MinutesTextFields.Collect(rebuilt);
        Assert.Equal(fields.Select(f => (f.Location, "X" + f.Text)), again.Select(f => (f.Location, f.Text)));
    }

    [Fact]
    public void Rebuild_by_field_copies_only_what_changed()
    {
        var counter = 0;
        var minutes = (Minutes)Fill(typeof(Minutes), "", ref counter)!;
        var fields = MinutesTextFields.Collect(minutes);
        var byField = new string?[fields.Count];
        var turnText = fields.FindIndex(f => f.Location == "sections[0].turns[0].text");
        byField[turnText] = "〇〇";

        var rebuilt = MinutesTextFields.Rebuild(minutes, byField);

        Assert.Equal("〇〇", rebuilt.Sections[0].Turns[0].Text);
        Assert.Equal(minutes.Sections[0].Turns[0].Speaker, rebuilt.Sections[0].Turns[0].Speaker);
        Assert.Same(minutes.Rolls, rebuilt.Rolls); // untouched parts are shared, not copied
        Assert.Same(minutes.Warnings, rebuilt.Warnings);
        Assert.Equal(
            fields.Select((f, i) => (f.Location, i == turnText ? "〇〇" : f.Text)),
            MinutesTextFields.Collect(rebuilt).Select(f => (f.Location, f.Text)));
        Assert.Same(minutes, MinutesTextFields.Rebuild(minutes, new string?[fields.Count]));
    }

    /// <summary>Builds an instance with a distinct string in every string property and one element in every list.</summary>
    private static object? Fill(Type type, string path, ref int counter)
    {
        if (type == typeof(string))
        {
            return $"値{counter++}";
        }

        if (type.IsEnum || type.IsValueType)
        {
            return null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Fill(element, path, ref counter));
            return list;
        }

        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = new List<object?>();
        foreach (var p in ctor.GetParameters())
        {
            args.Add(p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null
                ? Activator.CreateInstance(p.ParameterType)
                : Fill(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType, $"{path}.{p.Name}", ref counter));
        }

        var instance = ctor.GetParameters().Length == 0 && type.GetConstructor(Type.EmptyTypes) is null
            ? System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type)
            : ctor.Invoke([.. args]);
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!prop.CanWrite || prop.GetIndexParameters().Length > 0 || prop.Name == "EqualityContract")
            {
                continue;
            }

            var propType = Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType;
            if (propType.IsValueType)
            {
                continue;
            }

            prop.SetValue(instance, Fill(propType, $"{path}.{prop.Name}", ref counter));
        }

        return instance;
    }

    /// <summary>Every string in the object graph with its property path (list indices dropped).</summary>
    private static IEnumerable<(string Path, string Value)> Strings(object? value, string path)
    {
        switch (value)
        {
            case null:
                yield break;
            case string s:
                yield return (path.TrimStart('.'), s);
                yield break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var x in Strings(item, path))
                    {
                        yield return x;
                    }
                }

                yield break;
        }

        var type = value.GetType();
        if (type.IsValueType || type.IsEnum)
        {
            yield break;
        }

        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (prop.GetIndexParameters().Length > 0 || prop.Name == "EqualityContract" || prop.GetMethod?.IsStatic == true)
            {
                continue;
            }

            foreach (var x in Strings(prop.GetValue(value), $"{path}.{prop.Name}"))
            {
                yield return x;
            }
        }
    }
}
