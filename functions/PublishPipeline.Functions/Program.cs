using PublishPipeline.Functions;

// The Functions host starts this process with --urls http://127.0.0.1:%FUNCTIONS_CUSTOMHANDLER_PORT%
// and posts one request per invocation; see HandlerApp.
var app = HandlerApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
