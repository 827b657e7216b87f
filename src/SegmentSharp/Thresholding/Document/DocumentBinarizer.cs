using SegmentSharp.Components;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Document;

/// <summary>What the automatic document binarizer estimated from the page.</summary>
/// <param name="StrokeWidth">Estimated text stroke width in pixels.</param>
/// <param name="TextHeight">Estimated character height in pixels.</param>
/// <param name="Window">Window size the binarizer chose.</param>
/// <param name="Contrast">Estimated text/background contrast (gray levels).</param>
public readonly record struct DocumentEstimate(double StrokeWidth, double TextHeight, int Window, double Contrast);

/// <summary>Stub: the parameter-free document binarizer (`--method auto`), being written (issue 3).</summary>
public static class DocumentBinarizer
{
    /// <summary>Binarizes a document page: text 0, background 255, with no parameters to set.</summary>
    public static Image<byte> Binarize(ReadOnlyImageView<byte> src) => Binarize(src, out _);

    /// <summary>Binarizes and reports what was estimated.</summary>
    public static Image<byte> Binarize(ReadOnlyImageView<byte> src, out DocumentEstimate estimate)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        int w = src.Width, h = src.Height, n = w * h;
        var img = new byte[n];
        var hist = new long[256];
        for (int y = 0; y < h; y++)
        {
            var row = src.Row(y);
            row.CopyTo(img.AsSpan(y * w, w));
            foreach (byte v in row) hist[v]++;
        }
        var dst = new Image<byte>(w, h);
        int lo = 0, hi = 255;
        while (hist[lo] == 0) lo++;
        while (hist[hi] == 0) hi--;
        if (hi - lo < MinContrast || w < 3 || h < 3)
        {
            // A page without contrast (or too small to hold a stroke) is blank paper.
            Array.Fill(dst.Data, (byte)255);
            estimate = new DocumentEstimate(0, 0, 0, hi - lo);
            return dst;
        }

        int vSmooth = Env("V_SMOOTH", 2);
        double vGate = Env("V_GATE", 30) / 100.0;
        int vBg = Env("V_BG", 6);
        byte[] work = img;
        if (vSmooth == 1) { work = new byte[n]; MedianBlur.Apply(new ReadOnlyImageView<byte>(img, w, h), new ImageView<byte>(work, w, h), 3); }
        if (vSmooth == 2) { work = new byte[n]; GaussianBlur.Apply(new ReadOnlyImageView<byte>(img, w, h), new ImageView<byte>(work, w, h), 3, 3, 0, 0); }
        if (vSmooth == 3) { work = new byte[n]; GaussianBlur.Apply(new ReadOnlyImageView<byte>(img, w, h), new ImageView<byte>(work, w, h), 5, 5, 0, 0); }
        img = work;
        double sigma = ContrastEdges.StdDev(hist);
        double alpha = Math.Min(1, sigma / 128);
        var contrast = new byte[n];
        ContrastEdges.Compute(img, w, h, alpha, contrast);
        var ch = new long[256];
        foreach (byte v in contrast) ch[v]++;
        int ct = Threshold.Otsu(ch);
        var edge = new byte[n];
        for (int i = 0; i < n; i++) edge[i] = contrast[i] > ct ? (byte)1 : (byte)0;

        var sh = new long[StrokeWidth.MaxWidth + 1];
        StrokeWidth.Histogram(img, edge, w, h, sh);
        int ew = StrokeWidth.Mode(sh, 3);

        int radius = Math.Max(1, ew);
        int window = 2 * radius + 1;
        var text = contrast; // reuse
        EdgeVote.Run(img, edge, w, h, radius, window, 0.5, text);

        var bg = new byte[n];
        if (Env("V_BGM", 1) == 0)
        {
            int kb = Math.Min(MedianBlur.MaxKernelSize, 2 * vBg * ew + 1);
            MedianBlur.Apply(new ReadOnlyImageView<byte>(img, w, h), new ImageView<byte>(bg, w, h), kb);
        }
        else
        {
            var grown = new byte[n];
            Morphology.Morphology.Dilate(new ReadOnlyImageView<byte>(text, w, h), new ImageView<byte>(grown, w, h),
                Morphology.StructuringElement.Rectangle(3, 3));
            BackgroundSurface.Estimate(img, grown, w, h, Math.Max(2, Env("V_CELL", 200) * ew / 100), bg);
        }
        double sd = 0; long cnt = 0;
        for (int i = 0; i < n; i++) if (text[i] != 0) { sd += Math.Max(0, bg[i] - img[i]); cnt++; }
        double delta = cnt > 0 ? sd / cnt : 0;
        if (vGate > 0)
        {
            double th = vGate * delta;
            for (int i = 0; i < n; i++) if (text[i] != 0 && bg[i] - img[i] <= th) text[i] = 0;
        }
        if (Env("V_DBG", 0) == 1) Console.Error.WriteLine($"ew {ew} delta {delta:F1}");
        double vFill = Env("V_FILL", 0) / 100.0;
        if (vFill > 0) FillDarkPaper(text, img, bg, w, h, vFill * delta);
        RemoveSpecks(text, w, h, Math.Max(2, ew));

        for (int i = 0; i < n; i++) dst.Data[i] = text[i] != 0 ? (byte)0 : (byte)255;
        estimate = new DocumentEstimate(ew, 0, window, hi - lo);
        return dst;
    }

    private const int MinContrast = 16;

    private static int Env(string name, int def) => int.TryParse(Environment.GetEnvironmentVariable(name), out int v) ? v : def;

    private static void FillDarkPaper(byte[] text, byte[] img, byte[] bg, int w, int h, double minDarkness)
    {
        var paper = new byte[text.Length];
        for (int i = 0; i < paper.Length; i++) paper[i] = text[i] == 0 ? (byte)1 : (byte)0;
        var labels = ConnectedComponents.Label(new ReadOnlyImageView<byte>(paper, w, h), Connectivity.Four, out int count);
        var sum = new double[count];
        var num = new int[count];
        var ld = labels.Data;
        for (int i = 0; i < paper.Length; i++)
        {
            int l = ld[i];
            if (l == 0) continue;
            sum[l] += bg[i] - img[i];
            num[l]++;
        }
        var fill = new bool[count];
        for (int l = 1; l < count; l++) fill[l] = num[l] > 0 && sum[l] / num[l] > minDarkness;
        for (int i = 0; i < paper.Length; i++) if (fill[ld[i]] && ld[i] != 0) text[i] = 1;
    }

    private static void RemoveSpecks(byte[] text, int w, int h, int minArea)
    {
        var mask = new Image<byte>(text, w, h);
        var labels = ConnectedComponents.LabelWithStats(mask.ReadOnlyView, Connectivity.Eight, out var stats);
        var keep = new bool[stats.Count];
        for (int i = 1; i < stats.Count; i++) keep[i] = stats[i].Area >= minArea;
        var ld = labels.Data;
        for (int i = 0; i < text.Length; i++) if (text[i] != 0 && !keep[ld[i]]) text[i] = 0;
    }
}
