using System.Net;

namespace PublishPipeline.Site;

/// <summary>
/// A small preview server for a built site folder, behaving like the static-website host:
/// index.html for folders, 404.html (with status 404) for misses, the content types the site's
/// files are uploaded with; gzip when the client accepts it (<see cref="Negotiate"/>). Binds to
/// 127.0.0.1 only; GET and HEAD only.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    private StaticSiteServer(string root, int port)
    {
        _root = Path.GetFullPath(root);
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts serving <paramref name="root"/>; port 0 picks a free port.</summary>
    public static StaticSiteServer Start(string root, int port = 0)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Site folder '{root}' does not exist.");
        }

        if (port != 0)
        {
            return new StaticSiteServer(root, port);
        }

        // HttpListener cannot bind port 0; take a free port from the OS and retry on a race.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var free = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return new StaticSiteServer(root, free);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
                response.AddHeader("Allow", "GET, HEAD");
                return;
            }

            var (file, status) = Find(request.Url?.AbsolutePath ?? "/");
            response.StatusCode = status;
            if (file is null)
            {
                response.ContentType = "text/plain; charset=utf-8";
                var text = "404 Not Found"u8.ToArray();
                response.ContentLength64 = text.Length;
                response.OutputStream.Write(text);
                return;
            }

            var (bytes, encoding) = Negotiate(File.ReadAllBytes(file), SiteFile.ContentTypeOf(file), request.Headers["Accept-Encoding"]);
            response.ContentType = SiteFile.ContentTypeOf(file);
            response.AddHeader("Cache-Control", "no-cache");
            response.AddHeader("X-Content-Type-Options", "nosniff");
            response.AddHeader("Vary", "Accept-Encoding");
            if (encoding is not null)
            {
                response.AddHeader("Content-Encoding", encoding);
            }

            response.ContentLength64 = bytes.Length;
            if (request.HttpMethod == "GET")
            {
                response.OutputStream.Write(bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or UnauthorizedAccessException)
        {
            // The client went away or the file vanished mid-read; nothing useful to send.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    /// <summary>
    /// The bytes to send and their Content-Encoding. A file stored precompressed (gzip) goes as it
    /// is to a client that accepts gzip and decompressed to one that does not; other text is
    /// compressed on the fly for a client that accepts gzip.
    /// </summary>
    internal static (byte[] Bytes, string? Encoding) Negotiate(byte[] stored, string contentType, string? acceptEncoding)
    {
        var accepts = Precompression.Accepts(acceptEncoding);
        if (Precompression.IsGzip(stored))
        {
            return accepts ? (stored, Precompression.Gzip) : (Precompression.Decompress(stored), null);
        }

        return accepts && stored.Length >= MinimumCompressedLength && Precompression.IsCompressible(contentType)
            ? (Precompression.Compress(stored, System.IO.Compression.CompressionLevel.Fastest), Precompression.Gzip)
            : (stored, null);
    }

    /// <summary>Below this, gzip's own header and trailer outweigh what it saves.</summary>
    private const int MinimumCompressedLength = 512;

    /// <summary>The file for a URL path and the status to send, as the static-website host would.</summary>
    internal (string? File, int Status) Find(string urlPath)
    {
        var relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        string? candidate = null;
        try
        {
            candidate = SiteDirectory.Resolve(_root, relative);
        }
        catch (ArgumentException)
        {
        }

        if (candidate is not null)
        {
            if (File.Exists(candidate))
            {
                return (candidate, 200);
            }

            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "index.html")))
            {
                return (Path.Combine(candidate, "index.html"), 200);
            }
        }

        var notFound = Path.Combine(_root, SiteUrls.NotFoundPath);
        return (File.Exists(notFound) ? notFound : null, 404);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}
