using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>
/// Runs an azd hook script, the POSIX one under sh or its Windows twin under PowerShell 7 (tools/pwsh:
/// pwsh's own entry point from NuGet), against stand-ins for az, azd and curl on PATH that record
/// every call with each argument as it arrived. An argument <c>@file</c> is recorded with the file's
/// content, read while the call runs, as the Azure CLI itself reads it. Nothing leaves the machine:
/// PowerShell's wake-up requests go to a loopback proxy that counts them and hangs up.
/// </summary>
internal sealed partial class HookHarness : IDisposable
{
    public const string AppHost = "func-test.azurewebsites.net";
    public const string AppId = "/subscriptions/0000/resourceGroups/rg-test/providers/Microsoft.Web/sites/func-test";
    public const string BlobsKey = "k3y/with+base64==";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hook-");
    private readonly TcpListener _proxy = new(IPAddress.Loopback, 0);
    private readonly Task _proxyLoop;
    private int _proxyConnects;

    public HookHarness()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(State);
        Directory.CreateDirectory(WorkingDirectory);
        WriteExecutable("az", FakeAz.Replace("{{State}}", State, StringComparison.Ordinal).Replace("{{Log}}", AzLog, StringComparison.Ordinal));
        WriteExecutable("azd", FakeAzd.Replace("{{State}}", State, StringComparison.Ordinal).Replace("{{Log}}", AzdLog, StringComparison.Ordinal));
        WriteExecutable("curl", $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"{CurlLog}\"\nexit 0\n");
        _proxy.Start();
        _proxyLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await _proxy.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _proxyConnects);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Stopped; a test that ends before the loop's first accept gets "not listening".
            }
        });
    }

    public string Bin => Path.Combine(_work.FullName, "bin");

    public string State => Path.Combine(_work.FullName, "state");

    /// <summary>The hooks' working folder (azd runs them in the project folder).</summary>
    public string WorkingDirectory => Path.Combine(_work.FullName, "cwd");

    private string AzLog => Path.Combine(_work.FullName, "az.log");

    private string AzdLog => Path.Combine(_work.FullName, "azd.log");

    private string CurlLog => Path.Combine(_work.FullName, "curl.log");

    public static TheoryData<string> Shells => ["sh", "pwsh"];

    /// <summary>Wake-up requests to the app: curl calls under sh, proxied HTTPS requests under PowerShell.</summary>
    public int Wakes(string shell) => shell == "sh"
        ? (File.Exists(CurlLog) ? File.ReadAllLines(CurlLog).Count(l => l.Contains($"https://{AppHost}/", StringComparison.Ordinal)) : 0)
        : Volatile.Read(ref _proxyConnects);

    /// <summary>Makes the stand-in fail its first <paramref name="times"/> answers of a kind (functions, keys, create-NAME).</summary>
    public void FailFirst(string kind, int times) => File.WriteAllText(Path.Combine(State, "fail-" + kind), times.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Mark(string name) => File.WriteAllText(Path.Combine(State, name), "");

    public void SetAzdConfig(string key, string value) => File.WriteAllText(Path.Combine(State, "config-" + key), value);

    public void ClearLogs()
    {
        File.Delete(AzLog);
        File.Delete(CurlLog);
        File.Delete(AzdLog);
    }

    /// <summary>Every az call, its arguments as received.</summary>
    public IReadOnlyList<Call> AzCalls => File.Exists(AzLog) ? [.. File.ReadAllLines(AzLog).Select(Call.Parse)] : [];

    public IReadOnlyList<Call> AzdCalls => File.Exists(AzdLog) ? [.. File.ReadAllLines(AzdLog).Select(Call.Parse)] : [];

    public IReadOnlyList<Call> Calls(string prefix) => [.. AzCalls.Where(c => c.Command.StartsWith(prefix, StringComparison.Ordinal))];

    public (int ExitCode, string Output) Run(string shell, string script, IDictionary<string, string?> environment)
    {
        var path = Path.Combine(InfraPaths.Root, "scripts", script + (shell == "sh" ? ".sh" : ".ps1"));
        ProcessStartInfo start;
        if (shell == "sh")
        {
            start = new ProcessStartInfo("sh");
            start.ArgumentList.Add(path);
        }
        else
        {
            start = new ProcessStartInfo("dotnet");
            foreach (var argument in new[] { PwshPath, "-NoProfile", "-NonInteractive", "-File", path })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HTTPS_PROXY"] = $"http://127.0.0.1:{((IPEndPoint)_proxy.LocalEndpoint).Port}";
            start.Environment["NO_PROXY"] = "";
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = WorkingDirectory;
        start.Environment["PATH"] = Bin + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AZD_ALPHA_", StringComparison.Ordinal) || k.StartsWith("LANGUAGE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hook takes seconds (PowerShell's start-up the most); the bound only turns a hang into a
        // failure, and PowerShell starting on a loaded 2-core machine can take most of a minute.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} under {shell} did not finish in 5 minutes");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        _proxy.Stop();
        _proxyLoop.Wait(TimeSpan.FromSeconds(5));
        _proxy.Dispose();
        _work.Delete(recursive: true);
    }

    /// <summary>
    /// tools/pwsh, built with this test project (a project reference that copies nothing). A solution
    /// build builds it in its default configuration (it is not in the solution), so either will do.
    /// </summary>
    private static string PwshPath
    {
        get
        {
            var configuration = typeof(HookHarness).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var bin = Path.Combine(InfraPaths.Root, "tools", "pwsh", "bin");
            var path = new[] { configuration, "Release", "Debug" }
                .Select(c => Path.Combine(bin, c, "net10.0", "pwsh.dll"))
                .FirstOrDefault(File.Exists);
            Assert.True(path is not null, $"PowerShell host not built under {bin} (dotnet build tools/pwsh)");
            return path!;
        }
    }

    private void WriteExecutable(string name, string text)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, NewLines().Replace(text, "\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>One recorded call: its arguments, and for <c>@file</c> arguments the file's content (empty when there was no file).</summary>
    internal sealed partial record Call(IReadOnlyList<string> Arguments, IReadOnlyDictionary<int, string> Files)
    {
        public string Command => string.Join(' ', Arguments);

        /// <summary>The value after <paramref name="flag"/>, read from its file when given as @file.</summary>
        public string? Value(string flag)
        {
            var i = Arguments.ToList().IndexOf(flag);
            return i < 0 || i + 1 >= Arguments.Count ? null : Files.TryGetValue(i + 1, out var content) ? content : Arguments[i + 1];
        }

        public bool Has(params string[] sequence) =>
            Enumerable.Range(0, Arguments.Count - sequence.Length + 1).Any(i => sequence.Select((s, j) => Arguments[i + j] == s).All(b => b));

        public static Call Parse(string line)
        {
            var arguments = new List<string>();
            var files = new Dictionary<int, string>();
            foreach (Match m in Part().Matches(line))
            {
                arguments.Add(m.Groups["arg"].Value.Replace('‹', '[').Replace('›', ']'));
                if (m.Groups["file"].Success)
                {
                    files[arguments.Count - 1] = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["file"].Value));
                }
            }

            return new Call(arguments, files);
        }

        // [argument] or [@path]{file content in base64}; the stand-ins write ‹ and › for [ and ] inside a value.
        [GeneratedRegex(@"\[(?<arg>[^\]]*)\](\{(?<file>[^}]*)\})?")]
        private static partial Regex Part();
    }

    // Records each call as [arg][arg]...; answers like az for what the hooks ask. State files decide
    // failures: fail-KIND holds how many answers of that kind fail first.
    private const string FakeAz = """
        #!/bin/sh
        state="{{State}}"
        line=""
        for a in "$@"; do
          # sed only for an argument holding a bracket: a fork per argument was most of a hook run's CPU.
          case $a in *[][]*) v=$(printf '%s' "$a" | sed 's/\[/‹/g; s/\]/›/g') ;; *) v=$a ;; esac
          case $a in
            @*) if [ -f "${a#@}" ]; then line="$line[$v]{$(base64 -w0 < "${a#@}")}"; else line="$line[$v]{}"; fi ;;
            *) line="$line[$v]" ;;
          esac
        done
        printf '%s\n' "$line" >> "{{Log}}"
        name=""; prev=""
        for a in "$@"; do [ "$prev" = "-n" ] && name=$a; prev=$a; done
        count() { n=0; [ -f "$state/calls-$1" ] && read -r n < "$state/calls-$1"; n=$((n + 1)); echo "$n" > "$state/calls-$1"; echo "$n"; }
        fails() { limit=0; [ -f "$state/fail-$1" ] && read -r limit < "$state/fail-$1"; [ "$2" -le "$limit" ]; }
        case "$1 $2" in
          "account show") exit 0 ;;
          "functionapp show")
            case "$*" in *defaultHostName*) echo "func-test.azurewebsites.net" ;; *) echo "/subscriptions/0000/resourceGroups/rg-test/providers/Microsoft.Web/sites/func-test" ;; esac ;;
          "functionapp function")
            n=$(count functions)
            if fails functions "$n"; then echo "func-test/NormalizeUpload"; exit 0; fi
            for f in NormalizeUpload RedactDocument RenderDocument RerenderSite WithdrawUpload; do
              [ -f "$state/missing-$f" ] || echo "func-test/$f"
            done ;;
          "functionapp keys")
            n=$(count keys); fails keys "$n" && exit 0; echo 'k3y/with+base64==' ;;
          "eventgrid system-topic")
            case "$4" in
              show) [ -f "$state/sub-$name" ] || exit 3; echo "$name" ;;
              create)
                n=$(count "create-$name")
                if fails "create-$name" "$n"; then echo "(Url validation) Webhook validation handshake failed" >&2; exit 1; fi
                touch "$state/sub-$name" ;;
              update) [ -f "$state/sub-$name" ] || exit 3 ;;
            esac ;;
          "rest --method") exit 0 ;;
          *) echo "unexpected az call: $*" >&2; exit 99 ;;
        esac
        """;

    // azd version / azd config get KEY (a value set in state/config-KEY, printed as JSON like azd does).
    private const string FakeAzd = """
        #!/bin/sh
        line=""
        for a in "$@"; do line="$line[$a]"; done
        printf '%s\n' "$line" >> "{{Log}}"
        case "$1 $2" in
          "version ") echo "azd version $(cat "{{State}}/azd-version" 2>/dev/null || echo 1.20.0) (commit 0000000)" ;;
          "config get")
            [ -f "{{State}}/config-$3" ] || { echo "ERROR: no value stored at path '$3'" >&2; exit 1; }
            printf '"%s"\n' "$(cat "{{State}}/config-$3")" ;;
          *) echo "unexpected azd call: $*" >&2; exit 99 ;;
        esac
        """;

    [GeneratedRegex(@"\r\n?")]
    private static partial Regex NewLines();
}
