using System.Text;
using Scriban;
using Scriban.Parsing;

namespace PublishPipeline.Site;

/// <summary>
/// Markup built by trusted code (never from an upload) that <see cref="HtmlTemplateContext"/> writes
/// as it is. Everything else a template writes is encoded.
/// </summary>
public sealed record TrustedHtml(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// A Scriban context that encodes every expression value by default: Scriban itself writes values
/// verbatim, so one forgotten <c>| html.escape</c> would let an upload put markup on a page.
/// Template text is written unchanged; only <see cref="TrustedHtml"/> values bypass encoding.
/// The same encoding is valid in XML (feed, sitemap): only the five predefined entities are used.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext(Scriban.Runtime.ScriptObject builtins)
        : base(builtins)
    {
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case TrustedHtml trusted:
                return Write(trusted.Value);
            case string text:
                return Write(Markup.Encode(text));
            default:
                return Write(Markup.Encode(ObjectToString(textAsObject)));
        }
    }

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject)
    {
        Write(span, textAsObject);
        return new ValueTask<TemplateContext>(this);
    }
}

/// <summary>Encoding of untrusted text for HTML and XML.</summary>
public static class Markup
{
    private static readonly System.Buffers.SearchValues<char> Special =
        System.Buffers.SearchValues.Create(BuildSpecial());

    /// <summary>
    /// Encodes &amp; &lt; &gt; &quot; &#39; and replaces code points that HTML and XML forbid (C0/C1
    /// controls other than tab, LF and CR; noncharacters) with U+FFFD, so a stray control byte in an
    /// upload cannot make a page or the feed invalid.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    sb.Append(IsForbidden(c) ? '\uFFFD' : c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> encoded as <see cref="Encode"/> does (the compiled renderers' write).</summary>
    public static void Append(StringBuilder sb, string? text)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (!string.IsNullOrEmpty(text))
        {
            sb.Append(text.AsSpan().IndexOfAny(Special) < 0 ? text : Encode(text));
        }
    }

    private static bool IsForbidden(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r'))
        || (c >= 0x7F && c <= 0x9F)
        || (c >= 0xFDD0 && c <= 0xFDEF)
        || c is '\uFFFE' or '\uFFFF';

    private static string BuildSpecial()
    {
        var sb = new StringBuilder("&<>\"'");
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (IsForbidden((char)c))
            {
                sb.Append((char)c);
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// Scriban's <c>include</c> returns the included template's output as a string, which the encoding
/// context would encode a second time. That output was already encoded value by value while it
/// rendered, so this wrapper marks it as <see cref="TrustedHtml"/>.
/// </summary>
internal sealed class TrustedIncludeFunction(Scriban.Runtime.IScriptCustomFunction include) : Scriban.Runtime.IScriptCustomFunction
{
    public int RequiredParameterCount => include.RequiredParameterCount;

    public int ParameterCount => include.ParameterCount;

    public Scriban.Runtime.ScriptVarParamKind VarParamKind => include.VarParamKind;

    public Type ReturnType => typeof(TrustedHtml);

    public Scriban.Runtime.ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, Scriban.Runtime.ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement) =>
        Wrap(include.Invoke(context, callerContext, arguments, blockStatement));

    public async ValueTask<object?> InvokeAsync(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, Scriban.Runtime.ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement) =>
        Wrap(await include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    private static object? Wrap(object? result) => result is string s ? new TrustedHtml(s) : result;
}
