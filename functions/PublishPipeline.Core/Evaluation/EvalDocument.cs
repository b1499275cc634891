using PublishPipeline.Model;

namespace PublishPipeline.Evaluation;

/// <summary>
/// One upload as the evaluation sees it: its bytes, its decoded text (null for .docx or undecodable
/// bytes), what reading made of it (<see cref="Minutes"/>, or <see cref="Error"/> when it was not
/// read), and its gold entry when the gold file has one.
/// </summary>
public sealed record EvalDocument(
    string Name,
    string Source,
    ReadOnlyMemory<byte> Bytes,
    string? Text,
    Minutes? Minutes,
    string? Error,
    GoldEntry? Gold);
