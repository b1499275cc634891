using System.CommandLine;
using System.Text;
using Azure.Identity;
using PublishPipeline.Azure.Language;
using PublishPipeline.Ingest;
using PublishPipeline.Model;
using PublishPipeline.Normalization;
using PublishPipeline.Redaction;
using PublishPipeline.Redaction.Audit;
using PublishPipeline.Redaction.Names;
using PublishPipeline.Redaction.PersonalData;

namespace PublishPipeline.Cli.Commands;

/// <summary>
/// `minutes redact FILE`: reads an upload (normalised first) or a normalised JSON document, applies the
/// disclosure rules and masks personal names. Prints the redacted document JSON, or the hold report
/// JSON when the document must not be published, on stdout; a one-line summary on stderr.
/// Exit codes: 0 publishable, 3 held for review, 1 unreadable input, 2 usage error,
/// 4 a recogniser failed transiently (retry later).
/// </summary>
internal static class RedactCommand
{
    public const int Publishable = ExitCodes.Success;
    public const int Unreadable = ExitCodes.Failed;
    public const int UsageError = ExitCodes.Usage;
    public const int Held = ExitCodes.Held;
    public const int RetryLater = ExitCodes.RetryLater;

    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "An upload (text, Markdown, HTML, .docx) or a normalised minutes .json." };
        var pseudonyms = new Option<bool>("--pseudonyms") { Description = "Consistent pseudonyms per document (A委員, B委員) instead of the mask." };
        var mask = new Option<string>("--mask") { Description = "The mask string (default 〇〇).", DefaultValueFactory = _ => "〇〇" };
        var allow = new Option<string[]>("--allow") { Description = "A name that stays (repeatable), e.g. the mayor in official capacity.", AllowMultipleArgumentsPerToken = true };
        var deny = new Option<string[]>("--deny") { Description = "A name always removed (repeatable).", AllowMultipleArgumentsPerToken = true };
        var publicVersion = new Option<bool>("--public-version") { Description = "Confirm the upload is already the public version of 一部非公開 minutes (also: a FILE.public-version sidecar)." };
        var unknown = new Option<UnknownDisclosureHandling>("--unknown-disclosure") { Description = "Minutes with no readable 公開の可否: Hold (default) or Publish.", DefaultValueFactory = _ => UnknownDisclosureHandling.Hold };
        var audit = new Option<string?>("--audit") { Description = "Write the private audit record (every redaction, with originals) to this JSON file." };
        var keepNamesOf = new Option<string[]>("--keep-names-of") { Description = "Keep the names of people holding these roles (repeatable): members, executives, officials, or a role word such as 議長. Default: mask every name.", AllowMultipleArgumentsPerToken = true };
        var personalData = new Option<PersonalDataKinds[]>("--personal-data") { Description = "Also mask other personal data (repeatable): Phone, Email, Address. Office contacts stay.", AllowMultipleArgumentsPerToken = true };
        var endpoint = new Option<Uri?>("--language-endpoint") { Description = "Azure AI Language endpoint; also uses the PII model (key from LANGUAGE_KEY, else managed identity/Azure CLI login). Default: env LANGUAGE_ENDPOINT." };

        var command = new Command("redact", "Apply disclosure rules and mask personal names; print the redacted JSON or the hold report.")
        {
            input, pseudonyms, mask, allow, deny, publicVersion, unknown, audit, keepNamesOf, personalData, endpoint,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var policy = new RedactionPolicy
            {
                Mask = parse.GetValue(mask) ?? "〇〇",
                Replacement = parse.GetValue(pseudonyms) ? NameReplacement.Pseudonym : NameReplacement.Mask,
                AllowList = parse.GetValue(allow) ?? [],
                DenyList = parse.GetValue(deny) ?? [],
                UnknownDisclosure = parse.GetValue(unknown),
                KeepNamesOf = parse.GetValue(keepNamesOf) ?? [],
                PersonalData = (parse.GetValue(personalData) ?? []).Aggregate(PersonalDataKinds.None, (all, kind) => all | kind),
            };
            var languageEndpoint = parse.GetValue(endpoint)
                ?? (Environment.GetEnvironmentVariable("LANGUAGE_ENDPOINT") is { Length: > 0 } e ? new Uri(e) : null);
            return await RunAsync(
                parse.GetValue(input)!,
                policy,
                parse.GetValue(publicVersion),
                parse.GetValue(audit),
                languageEndpoint,
                parse.InvocationConfiguration.Output,
                parse.InvocationConfiguration.Error,
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(
        string path, RedactionPolicy policy, bool confirmedPublicVersion, string? auditPath, Uri? languageEndpoint,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"minutes redact: {path}: no such file.").ConfigureAwait(false);
            return UsageError;
        }

        var name = Path.GetFileName(path);
        Minutes minutes;
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            minutes = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? MinutesJson.Deserialize(bytes)
                : MinutesNormalizer.Normalize(new SourceFile(name, bytes));
        }
        catch (Exception e) when (e is MinutesFormatException or System.Text.Json.JsonException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"minutes redact: {name}: {e.Message}").ConfigureAwait(false);
            return Unreadable;
        }

        var recognizers = new List<IPersonNameRecognizer> { new OfflineNameRecognizer() };
        if (AzureLanguageNameRecognizer.FromConfiguration(languageEndpoint?.AbsoluteUri, Environment.GetEnvironmentVariable("LANGUAGE_KEY"), new DefaultAzureCredential()) is { } azure)
        {
            recognizers.Add(azure);
        }

        var confirmed = confirmedPublicVersion || File.Exists(path + RedactionRequest.PublicVersionSidecarSuffix);
        RedactionOutcome outcome;
        try
        {
            outcome = await new Redactor(policy, recognizers)
                .RedactAsync(minutes, new RedactionRequest(name, confirmed), cancellationToken).ConfigureAwait(false);
        }
        catch (NameRecognitionException e)
        {
            await stderr.WriteLineAsync($"minutes redact: {name}: name recognition failed, try again later: {e.Message}").ConfigureAwait(false);
            return RetryLater;
        }

        if (auditPath is not null)
        {
            var temp = auditPath + ".tmp";
            await File.WriteAllBytesAsync(temp, RedactionAuditJson.Serialize(outcome.Audit), cancellationToken).ConfigureAwait(false);
            File.Move(temp, auditPath, overwrite: true);
        }

        var names = outcome.Audit.Entries.Count(e => !e.Rule.StartsWith("disclosure:", StringComparison.Ordinal));
        var passages = outcome.Audit.Entries.Count(e => e.Rule.StartsWith("disclosure:", StringComparison.Ordinal));
        if (outcome.IsPublishable)
        {
            await stdout.WriteLineAsync(Encoding.UTF8.GetString(MinutesJson.Serialize(outcome.Redacted!))).ConfigureAwait(false);
            await stderr.WriteLineAsync($"{name}: publishable; {names} name(s) replaced, {passages} non-disclosed item(s) removed"
                + (outcome.Warnings.Count > 0 ? $"; warnings: {string.Join(" / ", outcome.Warnings)}" : "")).ConfigureAwait(false);
            return Publishable;
        }

        await stdout.WriteLineAsync(Encoding.UTF8.GetString(RedactionAuditJson.Serialize(outcome.Hold!))).ConfigureAwait(false);
        await stderr.WriteLineAsync($"{name}: HELD for review: {string.Join(" / ", outcome.Hold!.Reasons)}").ConfigureAwait(false);
        return Held;
    }
}
