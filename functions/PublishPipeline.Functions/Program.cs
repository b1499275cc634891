// Skeleton; the handler is built under issue #5.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => Results.Ok());
await app.RunAsync().ConfigureAwait(false);
