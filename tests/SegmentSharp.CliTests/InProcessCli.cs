using SegmentSharp.Cli;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.CliTests;

/// <summary>
/// Runs `segment` inside the test process (CliApp.Run with string writers) in a private temporary folder, so the many
/// method/flag combinations cost milliseconds instead of a process start each. Paths are absolute.
/// </summary>
internal sealed class InProcessCli : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "segment-cli3-tests", Guid.NewGuid().ToString("N"));

    public InProcessCli() => Directory.CreateDirectory(Dir);

    public string Out(string name) => Path.Combine(Dir, name);

    public CliResult Run(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, o, e);
        return new CliResult(code, o.ToString(), e.ToString());
    }

    /// <summary>Runs `threshold SAMPLE OUT extra...`, asserts success, returns the written image and stdout.</summary>
    public (Image<byte> Mask, string Stdout) Threshold(string sample, params string[] extra)
    {
        string output = Out(Guid.NewGuid().ToString("N") + ".png");
        var r = Run(["threshold", RepoPaths.Sample(sample), output, .. extra]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Equal("", r.Stderr);
        return (ImageFile.ReadGray(output), r.Stdout);
    }

    /// <summary>Runs the command expecting a usage error; returns the last stderr line without "segment threshold: error: ".</summary>
    public string UsageError(params string[] extra)
    {
        var r = Run(["threshold", RepoPaths.Sample("page.png"), Out("never.png"), .. extra]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.False(File.Exists(Out("never.png")));
        string last = r.Stderr.TrimEnd('\n').Split('\n')[^1];
        const string prefix = "segment threshold: error: ";
        Assert.StartsWith(prefix, last);
        return last[prefix.Length..];
    }

    public static Image<byte> Gray(string sample) => ImageFile.ReadGray(RepoPaths.Sample(sample));

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
