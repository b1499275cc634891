using System.Security.Cryptography;
using System.Text;

namespace PublishPipeline.Site.Rendering;

/// <summary>
/// Which templates have a compiled renderer, and the exact text each was written for: the SHA-256
/// of the template's text (UTF-8, LF line ends, as <see cref="SiteTemplates"/> reads it). A template
/// in force whose text hashes otherwise (a ward's own, or a built-in one edited since) is rendered
/// by Scriban, so an override always wins and an edit to a built-in template cannot be ignored;
/// <c>CompiledRendererTests</c> fails until the renderer is made to match the edit and the hash here
/// is updated.
/// </summary>
internal static class CompiledTemplates
{
    /// <summary>Template name → hash of the text its compiled renderer writes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Hashes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["layout.sbn"] = "f5e39b79d0da4fd21cde5793ba91c574c577c7587400402676a855ad22f9407d",
        ["minutes.sbn"] = "6fea18d8da9916b9c2ef9ff28522740692ef33454631f8f0db2feef5bae80e76",
        ["sitemap.sbn"] = "e217e2acbbd67b83f84f080b30ee0f5328303441fd1e343cd64000dd81ac6ee1",
        ["body.sbn"] = "2ddcb1f665c16003bef500becd46f3705bfeee1539864a4be30e973dfd52f5ad",
        ["year.sbn"] = "d4350bd24e76323589df37254403335cb7b09fffae6f1668ebe761d94201405e",
        ["_minutes_list.sbn"] = "0e6e9fefe6af1971c82bafbaa3bbe7b20040a444bb8a425aa9dfc60b8cafe331",
    };

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>True when <paramref name="text"/> is the very template <paramref name="name"/>'s compiled renderer writes.</summary>
    public static bool Matches(string name, string text) => Hashes.TryGetValue(name, out var hash) && hash == HashOf(text);
}
