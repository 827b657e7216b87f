using System.Globalization;
using System.Text;
using System.Text.Json;
using SegmentSharp.Codecs;
using SegmentSharp.Drawing;
using SegmentSharp.Imaging;

namespace SegmentSharp.Cli;

/// <summary>
/// `segment try-all INPUT OUTPUT`: scikit-image's <c>try_all_threshold</c> as a tool. Writes a contact sheet of the input
/// binarized by all 16 global methods (with each threshold and the share of white pixels in the caption), a second sheet
/// with every local method at its defaults, and prints the same figures (plus timings) as a table or JSON.
/// </summary>
internal static class TryAllCommand
{
    public const string Prog = "segment try-all";

    public const string Usage =
        """
        usage: segment try-all [-h] [--local-out FILE] [--no-local] [--window W]
                               [--tile-width N] [--columns N] [--json]
                               INPUT OUTPUT
        """;

    public const string Help = Usage + """


        Binarize INPUT (read as 8-bit gray) with every global threshold method and write a labelled
        contact sheet to OUTPUT; write a second sheet with every local method to OUTPUT-local.EXT.
        Prints each method's threshold (or window), the share of white pixels and the time taken.

        positional arguments:
          INPUT                 image to read (PNG, JPEG, BMP, TIFF, PBM/PGM/PPM; colour is converted to gray)
          OUTPUT                global-method sheet to write (.png, .tif, .tiff, .bmp); replaced atomically

        options:
          -h, --help            show this help message and exit
          --local-out FILE      where to write the local-method sheet (default: OUTPUT with '-local' before
                                the extension)
          --no-local            skip the local methods (no second sheet)
          --window W            window for every local method instead of its default (odd, >= 3)
          --tile-width N        width of one tile in pixels, 64-2048 (default: 320)
          --columns N           tiles per row, 1-16 (default: 4)
          --json                print a JSON summary instead of the table

        Each tile shows the mask (white = pixel above its threshold) with the method name and its
        threshold t (global) or window w (local). The global sheet also shows the gray histogram with a
        line at every threshold. Local methods that are not available in this build are
        shown as 'n/a' tiles.

        examples:
          segment try-all scan.png sheets/scan.png
          segment try-all photo.jpg out/photo.png --window 51 --tile-width 480

        exit codes: 0 success, 1 the input could not be read or a sheet could not be written,
        2 usage error

        """;

    private sealed class Options
    {
        public string Input = "", Output = "";
        public string? LocalOut;
        public bool NoLocal, Json;
        public int? Window;
        public int TileWidth = 320, Columns = 4;
    }

    private static Options Parse(IReadOnlyList<string> args, TextWriter stdout)
    {
        var o = new Options();
        var flags = new List<FlagSpec>
        {
            new("--help", null, _ => { stdout.Write(Help); throw new EarlyExitException(); }, "-h"),
            new("--local-out", "FILE", v => o.LocalOut = v!),
            new("--no-local", null, _ => o.NoLocal = true),
            new("--window", "W", v =>
            {
                int w = FlagValues.Int(v!, 3, 100001, "window");
                if (w % 2 == 0) throw new ArgumentValueException($"window must be odd, not {w}");
                o.Window = w;
            }),
            new("--tile-width", "N", v =>
            {
                o.TileWidth = FlagValues.Int(v!, 64, 2048, "tile width");
            }),
            new("--columns", "N", v =>
            {
                o.Columns = FlagValues.Int(v!, 1, 16, "columns");
            }),
            new("--json", null, _ => o.Json = true),
        };
        var positionals = ArgParser.Parse(args, flags, ["INPUT", "OUTPUT"]);
        o.Input = PythonFormat.NormalizePath(positionals[0]);
        o.Output = PythonFormat.NormalizePath(positionals[1]);
        ImageOutputs.CheckPicturePath("OUTPUT", o.Output);
        if (o.NoLocal && o.LocalOut is not null) throw new UsageException("argument --local-out: not allowed with argument --no-local");
        if (!o.NoLocal)
        {
            o.LocalOut = o.LocalOut is null ? DefaultLocalPath(o.Output) : PythonFormat.NormalizePath(o.LocalOut);
            ImageOutputs.CheckPicturePath("--local-out", o.LocalOut);
            if (Path.GetFullPath(o.LocalOut) == Path.GetFullPath(o.Output))
                throw new UsageException("argument --local-out: must differ from OUTPUT");
        }
        return o;
    }

    /// <summary>"dir/sheet.png" → "dir/sheet-local.png".</summary>
    public static string DefaultLocalPath(string output)
    {
        string ext = Path.GetExtension(output);
        return output[..^ext.Length] + "-local" + ext;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        => CommandRunner.Run(Prog, Usage, args, stdout, stderr, Parse, Execute);

    private static int Execute(Options o, TextWriter stdout, TextWriter stderr)
    {
        var gray = CommandRunner.ReadGray(o.Input);
        var global = TryAllMethods.RunGlobal(gray);
        var local = o.NoLocal ? [] : TryAllMethods.RunLocal(gray, o.Window);
        string name = Path.GetFileName(o.Input);
        string size = $"{gray.Width}x{gray.Height}";

        // Drawn at the tile's own size so its one-pixel threshold lines stay sharp.
        int histW = Math.Max(16, Math.Min(o.TileWidth, gray.Width));
        int histH = Math.Max(8, (int)Math.Round((double)gray.Height * histW / Math.Max(1, gray.Width)));
        var histogram = TryAllHistogram.Render(gray, global.Select(r => r.Threshold!.Value), histW, histH);
        var globalTiles = new List<ContactSheetTile>
        {
            new(gray, $"original\n{size}"),
            new(histogram, "histogram (sqrt)\nlines: thresholds"),
        };
        foreach (var r in global)
            globalTiles.Add(new(r.Mask, $"{r.Name}\nt={r.Threshold}  {Pct(r.WhitePercent)}% white"));
        var globalSheet = ContactSheet.Compose(globalTiles, o.TileWidth, o.Columns, $"{name} {size}: global thresholds, white = pixel > t");
        CommandRunner.Write(o.Output, "sheet", p => ImageFile.Write(p, globalSheet));

        if (!o.NoLocal)
        {
            var localTiles = new List<ContactSheetTile> { new(gray, $"original\n{size}") };
            foreach (var r in local)
                localTiles.Add(new(r.Mask, r.Mask is null ? $"{r.Name}\nn/a" : $"{r.Name}\nw={r.Window}  {Pct(r.WhitePercent)}% white"));
            var localSheet = ContactSheet.Compose(localTiles, o.TileWidth, o.Columns,
                $"{name} {size}: local methods at defaults, white = above local threshold");
            CommandRunner.Write(o.LocalOut!, "local sheet", p => ImageFile.Write(p, localSheet));
        }

        if (o.Json) WriteJson(stdout, o, gray, global, local);
        else WriteTable(stdout, o, gray, global, local);
        return ExitCodes.Ok;
    }

    private static string Pct(double v) => double.IsNaN(v) ? "-" : PythonFormat.Fixed(v, 1);

    private static void WriteTable(TextWriter w, Options o, Image<byte> gray, List<TryAllOutcome> global, List<TryAllOutcome> local)
    {
        var sb = new StringBuilder();
        sb.Append($"input: {o.Input} ({gray.Width}x{gray.Height})\n");
        sb.Append("global methods (white = pixel > t):\n");
        sb.Append($"  {"method",-14}{"t",5}{"white %",10}{"ms",10}\n");
        foreach (var r in global)
            sb.Append($"  {r.Name,-14}{r.Threshold,5}{Pct2(r.WhitePercent),10}{Ms(r.Milliseconds),10}\n");
        if (!o.NoLocal)
        {
            sb.Append("local methods (white = pixel > its local threshold):\n");
            sb.Append($"  {"method",-14}{"window",7}{"white %",10}{"ms",10}\n");
            foreach (var r in local)
            {
                if (r.Mask is null) sb.Append($"  {r.Name,-14}{r.Window,7}{"-",10}{"-",10}  n/a: {r.Note}\n");
                else sb.Append($"  {r.Name,-14}{r.Window,7}{Pct2(r.WhitePercent),10}{Ms(r.Milliseconds),10}\n");
            }
        }
        sb.Append($"sheet: {o.Output}\n");
        if (!o.NoLocal) sb.Append($"local sheet: {o.LocalOut}\n");
        w.Write(sb.ToString());
    }

    private static string Pct2(double v) => double.IsNaN(v) ? "-" : PythonFormat.Fixed(v, 2);
    private static string Ms(double v) => PythonFormat.Fixed(v, 1);

    private static void WriteJson(TextWriter w, Options o, Image<byte> gray, List<TryAllOutcome> global, List<TryAllOutcome> local)
    {
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer))
        {
            j.WriteStartObject();
            j.WriteString("command", "try-all");
            j.WriteString("input", o.Input);
            j.WriteNumber("width", gray.Width);
            j.WriteNumber("height", gray.Height);
            j.WriteString("sheet", o.Output);
            if (o.NoLocal) j.WriteNull("local_sheet"); else j.WriteString("local_sheet", o.LocalOut);
            j.WriteStartArray("global");
            foreach (var r in global)
            {
                j.WriteStartObject();
                j.WriteString("method", r.Name);
                j.WriteNumber("threshold", r.Threshold!.Value);
                j.WriteNumber("white_percent", Math.Round(r.WhitePercent, 4));
                j.WriteNumber("ms", Math.Round(r.Milliseconds, 3));
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteStartArray("local");
            foreach (var r in local)
            {
                j.WriteStartObject();
                j.WriteString("method", r.Name);
                j.WriteString("window", r.Window);
                j.WriteBoolean("available", r.Mask is not null);
                if (r.Mask is null) { j.WriteNull("white_percent"); j.WriteNull("ms"); j.WriteString("note", r.Note); }
                else { j.WriteNumber("white_percent", Math.Round(r.WhitePercent, 4)); j.WriteNumber("ms", Math.Round(r.Milliseconds, 3)); }
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
        w.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        w.Write('\n');
    }
}
