using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Cli;

/// <summary>
/// What every command after `threshold` shares: argparse-style usage errors (exit 2), reading the input with a
/// one-line reason (exit 1), atomic writes that create missing folders, and failures reported as
/// "PROG: error: …" without a stack trace.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Parses with <paramref name="parse"/>, then runs <paramref name="execute"/>; returns the exit code.</summary>
    public static int Run<TOptions>(string prog, string usage, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr,
        Func<IReadOnlyList<string>, TextWriter, TOptions> parse, Func<TOptions, TextWriter, TextWriter, int> execute)
    {
        TOptions o;
        try { o = parse(args, stdout); }
        catch (EarlyExitException) { return ExitCodes.Ok; }
        catch (UsageException e)
        {
            stderr.Write(usage);
            stderr.WriteLine();
            stderr.WriteLine($"{prog}: error: {e.Message}");
            return ExitCodes.Usage;
        }
        try { return execute(o, stdout, stderr); }
        catch (CommandFailedException e)
        {
            stderr.WriteLine($"{prog}: error: {e.Message}");
            return e.ExitCode;
        }
    }

    /// <summary>Reads <paramref name="path"/> as 8-bit gray (imread GRAYSCALE semantics) or fails with the reason.</summary>
    public static Image<byte> ReadGray(string path) => Read(path, ImageFile.ReadGray);

    /// <summary>Reads <paramref name="path"/> as 8-bit BGR (imread COLOR semantics) or fails with the reason.</summary>
    public static Image<byte> ReadColor(string path) => Read(path, ImageFile.ReadColor);

    private static Image<byte> Read(string path, Func<string, Image<byte>> read)
    {
        if (Directory.Exists(path)) throw new CommandFailedException($"cannot read '{path}': it is a folder, not an image file");
        try { return read(path); }
        catch (FileNotFoundException) { throw new CommandFailedException($"cannot read '{path}': no such file"); }
        catch (DirectoryNotFoundException) { throw new CommandFailedException($"cannot read '{path}': no such folder"); }
        catch (Exception e) when (e is ImageFormatException or IOException or UnauthorizedAccessException or NotSupportedException
                                      or OutOfMemoryException)
        {
            throw new CommandFailedException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>
    /// Runs a write to <paramref name="path"/> after creating its folder; any I/O or format refusal becomes a
    /// <see cref="CommandFailedException"/> naming the file and what it was for.
    /// </summary>
    public static void Write(string path, string what, Action<string> write)
    {
        try
        {
            string? parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(parent)) Directory.CreateDirectory(parent);
            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CommandFailedException($"cannot write {what} '{path}': {e.Message}");
        }
    }

    /// <summary>Writes text atomically (temp file, then rename).</summary>
    public static void WriteText(string path, string what, string text)
        => Write(path, what, p => AtomicFile.WriteAllBytes(p, new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>Rejects an output path whose extension is not one of <paramref name="extensions"/> (a usage error).</summary>
    public static void CheckExtension(string flag, string path, params string[] extensions)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (!extensions.Contains(ext))
            throw new UsageException($"argument {flag}: '{path}' must end in {string.Join(", ", extensions)}");
    }
}

/// <summary>A command could not finish; the message says what, with which file, and the process exits with <see cref="ExitCode"/>.</summary>
internal sealed class CommandFailedException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
