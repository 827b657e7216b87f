using System.Diagnostics;
using System.Text;

namespace SegmentSharp.CliTests;

/// <summary>What one run of the tool produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// A private working folder for one test that mirrors the repository's relative paths, so the tool can be run
/// with the same relative arguments (and print the same paths) as the golden runs of the seed script.
/// </summary>
internal sealed class Scratch : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "segment-cli-tests", Guid.NewGuid().ToString("N"));

    public Scratch() => Directory.CreateDirectory(Dir);

    /// <summary>Copies every argument that names a repository file (and creates named repository folders).</summary>
    public void Stage(IEnumerable<string> args)
    {
        foreach (string arg in args)
        {
            string rel = arg.Trim();
            if (rel.Length == 0 || Path.IsPathRooted(rel)) continue;
            string src = Path.Combine(CliTestPaths.RepoRoot, rel);
            if (File.Exists(src))
            {
                string dst = Path.Combine(Dir, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
                File.Copy(src, dst, overwrite: true);
            }
            else if (Directory.Exists(src)) Directory.CreateDirectory(Path.Combine(Dir, rel));
        }
    }

    public string PathOf(string relative) => Path.Combine(Dir, relative);

    /// <summary>Files whose names mark them as temporaries (the atomic writer's ".name.pid.guid.tmp").</summary>
    public string[] TempFiles()
        => Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".tmp", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith('.'))
            .ToArray();

    public CliResult Run(params string[] args) => CliRunner.Run(Dir, args);

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Runs the built tool the way a user does: <c>dotnet segment.dll ARGS</c> in a working folder.</summary>
internal static class CliRunner
{
    public static CliResult Run(string workingDirectory, IReadOnlyList<string> args)
    {
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var psi = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add(CliTestPaths.SegmentDll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("SEGMENT_DEBUG");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("segment " + string.Join(' ', args));
        }
        p.WaitForExit();
        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
