using SegmentSharp.Morphology;

namespace SegmentSharp.Pipelines.Binarization;

/// <summary>
/// A structuring element written on the command line: <c>rect:WxH</c>, <c>cross:WxH</c>, <c>ellipse:WxH</c> (or a
/// single size for a square, e.g. <c>ellipse:5</c>), or <c>custom:ROWS</c> with rows separated by '/' and one
/// character per cell: '1' = in the element, '0' or '.' = not; for hit-or-miss '-' = must be background.
/// </summary>
internal sealed record KernelSpec(string Text, StructuringElement Element, int[]? HitMiss)
{
    public const string Syntax = "rect:WxH, cross:WxH, ellipse:WxH or custom:ROWS (e.g. custom:010/111/010)";

    public static KernelSpec Parse(string text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0) throw new FormatException($"invalid kernel '{text}': expected {Syntax}");
        string shape = text[..colon].ToLowerInvariant(), arg = text[(colon + 1)..];
        if (shape == "custom") return Custom(text, arg);
        (int w, int h) = Size(text, arg);
        var element = shape switch
        {
            "rect" => StructuringElement.Rectangle(w, h),
            "cross" => StructuringElement.Cross(w, h),
            "ellipse" => StructuringElement.Ellipse(w, h),
            _ => throw new FormatException($"invalid kernel shape '{shape}': expected {Syntax}"),
        };
        return new KernelSpec(text, element, null);
    }

    private static (int W, int H) Size(string text, string arg)
    {
        string[] parts = arg.ToLowerInvariant().Split('x');
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], out int w) || !int.TryParse(parts[^1], out int h) || w < 1 || h < 1
            || w > 4001 || h > 4001)
            throw new FormatException($"invalid kernel size in '{text}': expected WxH with sizes from 1 to 4001, e.g. ellipse:5x5");
        return (w, h);
    }

    private static KernelSpec Custom(string text, string arg)
    {
        string[] rows = arg.Split('/');
        int w = rows[0].Length, h = rows.Length;
        if (w == 0 || rows.Any(r => r.Length != w))
            throw new FormatException($"invalid custom kernel '{text}': rows must be non-empty and of equal length, e.g. custom:010/111/010");
        var mask = new byte[w * h];
        var hm = new int[w * h];
        bool anyMiss = false;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                char c = rows[y][x];
                switch (c)
                {
                    case '1': mask[y * w + x] = 1; hm[y * w + x] = 1; break;
                    case '0' or '.': break;
                    case '-': hm[y * w + x] = -1; anyMiss = true; break;
                    default: throw new FormatException($"invalid custom kernel '{text}': '{c}' is not one of 1, 0, '.', '-'");
                }
            }
        if (!hm.Any(v => v != 0))
            throw new FormatException($"invalid custom kernel '{text}': it has no cell set to 1 or '-'");
        return new KernelSpec(text, StructuringElement.FromMask(mask, w, h), anyMiss || hm.Any(v => v != 0) ? hm : null);
    }
}
