using SegmentSharp.Components;
using SegmentSharp.Filters;
using SegmentSharp.Imaging;
using SegmentSharp.Morphology;

namespace SegmentSharp.Thresholding.Document;

/// <summary>What the automatic document binarizer estimated from the page.</summary>
/// <param name="StrokeWidth">Estimated text stroke width in pixels (0 for a page without contrast).</param>
/// <param name="TextHeight">Estimated character height in pixels: the median height of the text components found
/// (0 when none were found).</param>
/// <param name="Window">Window size the binarizer chose (2·stroke width + 1; 0 for a page without contrast).</param>
/// <param name="Contrast">Estimated text/background contrast (gray levels): the mean darkness of the text below the
/// estimated paper surface, or the page's gray-level range when it has no usable contrast.</param>
public readonly record struct DocumentEstimate(double StrokeWidth, double TextHeight, int Window, double Contrast);

/// <summary>
/// The parameter-free document binarizer (<c>segment threshold --method auto</c>): dark text on lighter paper, no
/// window or sensitivity to choose. Everything it needs is estimated from the page: the stroke width, the paper
/// surface under the text and the text contrast.
/// </summary>
/// <remarks>
/// <para>The core is the stroke-edge method of B. Su, S. Lu and C. L. Tan: "Binarization of historical document images
/// using the local maximum and minimum", DAS 2010, and "Robust document image binarization technique for degraded
/// document images", IEEE TIP 22(4), 2013 (which in turn refines S. Lu, B. Su and C. L. Tan, "Document image
/// binarization using background estimation and stroke edges", IJDAR 13(4), 2010, the DIBCO 2009 winner):</para>
/// <list type="number">
/// <item>a 3×3 Gaussian (σ 0.8) removes pixel noise and paper grain that would otherwise pass as stroke edges;</item>
/// <item>the adaptive contrast <c>α·(max − min)/(max + min + ε) + (1 − α)·(max − min)/255</c> of each 3×3
/// neighbourhood, α = σ_page/128 (the paper's γ = 1), is split by Otsu's threshold into stroke-edge pixels;</item>
/// <item>the stroke width EW is the most frequent distance between a falling and the next rising edge along rows and
/// columns (Su et al. 2013, Algorithm 1);</item>
/// <item>a pixel is text when its (2·EW + 1)² window holds at least 2·EW + 1 edge pixels and it is no brighter than
/// the mean plus half the standard deviation of those edge pixels' intensities (the papers' rule); pixels with too
/// few edges around them (inside strokes much wider than EW) get a second vote in a (4·EW + 1)² window with at least
/// 4·EW + 1 edges and the stricter rule "no brighter than the mean", so that wide strokes do not come out hollow.</item>
/// </list>
/// <para>Two steps after B. Gatos, I. Pratikakis and S. J. Perantonis, "Adaptive degraded document image binarization",
/// Pattern Recognition 39(3), 2006, reject what the edge rule takes from textured or stained paper: the paper surface B
/// is interpolated from the pixels the edge rule left as paper (on a grid of 2·EW blocks), the mean text contrast δ is
/// the mean of B − I over the text found, and text pixels less than 0.3·δ below the surface are returned to the paper
/// (Gatos uses a comparable fraction of δ, 0.48–0.6, as his whole threshold; here it only vetoes). The paper's own
/// noise σ (RMS of paper pixels about B) sets two floors: a text pixel must also lie more than 2σ below B, and a page
/// whose δ is under 3σ has no text at all. Finally, text components smaller than EW pixels, or whose mean depth below
/// B is under 0.5·δ (show-through and stains, which are lighter than the page's ink), are dropped.</para>
/// <para>Apart from the papers' constants, the fractions 0.3 and 0.5 were chosen on DIBCO 2009–2012 (no per-image
/// tuning); docs/quality.md gives the scores and how flat they are around these values.</para>
/// <para>Pages whose gray range is under 16 levels, or smaller than 3×3, have no strokes to find and come out as blank
/// paper (all 255). Neither OpenCV nor scikit-image has a counterpart (their nearest tools are
/// <c>cv2.adaptiveThreshold</c> and <c>skimage.filters.threshold_sauvola</c>, which need a window and a sensitivity).
/// It allocates about eleven bytes per pixel (four of them the transient component labels); the window sums are
/// streamed with running column sums, so their cost does not depend on the stroke width.</para>
/// </remarks>
public static class DocumentBinarizer
{
    /// <summary>Gray range below which a page counts as blank.</summary>
    public const int MinContrast = 16;

    /// <summary>Fraction of the mean text contrast δ a text pixel must lie below the paper surface.</summary>
    public const double ContrastVeto = 0.3;

    /// <summary>Fraction of δ that a whole text component must reach on average below the paper surface.</summary>
    public const double ComponentVeto = 0.5;

    /// <summary>
    /// Paper-noise multiples: a text pixel must lie more than <see cref="PixelNoiseK"/>·σ_paper below the surface, and a
    /// page whose mean text contrast is under <see cref="PageNoiseK"/>·σ_paper has no text at all.
    /// </summary>
    private const double PixelNoiseK = 2, PageNoiseK = 3;

    /// <summary>Binarizes a document page: text 0, background 255, with no parameters to set.</summary>
    /// <param name="src">8-bit single-channel page (any stride), e.g. from <c>ImageFile.ReadGray</c>.</param>
    /// <returns>A new image of the same size: 0 for text, 255 for paper.</returns>
    /// <exception cref="ArgumentException"><paramref name="src"/> has more than one channel.</exception>
    public static Image<byte> Binarize(ReadOnlyImageView<byte> src) => Binarize(src, out _);

    /// <summary>Binarizes a document page (text 0, paper 255) and reports what was estimated.</summary>
    /// <param name="src">8-bit single-channel page (any stride).</param>
    /// <param name="estimate">Receives the stroke width, text height, window and contrast found on the page.</param>
    /// <returns>A new image of the same size: 0 for text, 255 for paper.</returns>
    /// <exception cref="ArgumentException"><paramref name="src"/> has more than one channel.</exception>
    public static Image<byte> Binarize(ReadOnlyImageView<byte> src, out DocumentEstimate estimate)
    {
        ImageGuard.SingleChannel(src, nameof(src));
        int w = src.Width, h = src.Height, n = w * h;
        var dst = new Image<byte>(w, h);
        var hist = new long[256];
        Histograms.Histogram.Compute(src, hist);
        int lo = 0, hi = 255;
        while (hist[lo] == 0) lo++;
        while (hist[hi] == 0) hi--;
        if (hi - lo < MinContrast || w < 3 || h < 3)
        {
            Array.Fill(dst.Data, (byte)255);
            estimate = new DocumentEstimate(0, 0, 0, hi - lo);
            return dst;
        }

        // 1. Smoothed copy (tight rows); every later step reads it.
        var img = new byte[n];
        GaussianBlur.Apply(src, new ImageView<byte>(img, w, h), 3, 3, 0, 0);

        // 2. Stroke edges: Otsu on the adaptive contrast.
        double alpha = Math.Min(1, ContrastEdges.StdDev(hist) / 128);
        var work = new byte[n];
        var edge = new byte[n];
        ContrastEdges.Compute(img, w, h, alpha, work, edge);
        Histograms.Histogram.Compute(new ReadOnlyImageView<byte>(work, w, h), hist);
        int edgeThreshold = Threshold.Otsu(hist);
        Threshold.Apply(new ReadOnlyImageView<byte>(work, w, h), new ImageView<byte>(edge, w, h), edgeThreshold, 1, ThresholdType.Binary);

        // 3. Stroke width.
        var widths = new long[StrokeWidth.MaxWidth + 1];
        StrokeWidth.Histogram(img, edge, w, h, widths);
        int ew = StrokeWidth.Mode(widths, DefaultStrokeWidth);

        // 4. Edge vote.
        int window = 2 * ew + 1;
        var text = work;
        EdgeVote.Run(img, edge, w, h, ew, window, 0.5, text);
        // Pixels with too few edges nearby (inside strokes wider than the typical one, e.g. a large initial among
        // small text) get a second vote in a window twice as wide, with the stricter rule "no brighter than the mean".
        var wide = new byte[n];
        EdgeVote.Run(img, edge, w, h, 2 * ew, 4 * ew + 1, 0, wide);
        PageLoops.Settle(text, wide, EdgeVote.Undecided);

        // 5. Paper surface from the pixels voted paper (text grown by one pixel so that anti-aliased stroke borders do
        //    not darken it), then the contrast veto.
        var grown = edge;
        Morphology.Morphology.Dilate(new ReadOnlyImageView<byte>(text, w, h), new ImageView<byte>(grown, w, h),
            StructuringElement.Rectangle(3, 3));
        var bg = grown; // Estimate reads the mask block by block before it writes the surface.
        BackgroundSurface.Estimate(img, grown, w, h, 2 * ew, bg);
        // δ: mean depth of the text below the surface; paper noise: RMS of the paper pixels' departure from it
        // (grain, texture, show-through).
        var (count, sum, nc, ns) = PageLoops.Depths(text, bg, img);
        double delta = count > 0 ? (double)sum / count : 0;
        double noise = nc > 0 ? Math.Sqrt((double)ns / nc) : 0;
        if (delta < PageNoiseK * noise)
        {
            // What the edge rule found is no darker than the paper's own grain: a blank (or unreadable) page.
            Array.Fill(dst.Data, (byte)255);
            estimate = new DocumentEstimate(ew, 0, window, delta);
            return dst;
        }
        double veto = Math.Max(ContrastVeto * delta, PixelNoiseK * noise);
        // An integer depth is at most veto exactly when it is at most ⌊veto⌋.
        PageLoops.Veto(text, bg, img, (int)Math.Floor(Math.Min(veto, 1000)));

        // 6. Specks, and whole components too faint to be ink of this page (show-through, stains).
        double textHeight = RemoveComponents(text, w, h, Math.Max(2, ew), img, bg, ComponentVeto * delta);

        Threshold.Apply(new ReadOnlyImageView<byte>(text, w, h), dst.View, 0, 255, ThresholdType.BinaryInv);
        estimate = new DocumentEstimate(ew, textHeight, window, delta);
        return dst;
    }

    /// <summary>Stroke width assumed when no stroke could be measured (thin print at 300 dpi).</summary>
    private const int DefaultStrokeWidth = 3;

    /// <summary>
    /// Drops text components under <paramref name="minArea"/> pixels or whose mean depth below the paper surface is
    /// under <paramref name="minMeanDepth"/>; returns the median height of the rest.
    /// </summary>
    private static double RemoveComponents(byte[] text, int w, int h, int minArea, byte[] img, byte[] bg, double minMeanDepth)
    {
        var labels = ConnectedComponents.LabelWithStats(new ReadOnlyImageView<byte>(text, w, h), Connectivity.Eight, out var stats);
        var keep = new bool[stats.Count];
        var depth = new double[stats.Count];
        var ld0 = labels.Data;
        for (int i = 0; i < text.Length; i++) if (ld0[i] != 0) depth[ld0[i]] += bg[i] - img[i];
        var heights = new List<int>();
        for (int i = 1; i < stats.Count; i++)
        {
            keep[i] = stats[i].Area >= minArea && depth[i] / stats[i].Area >= minMeanDepth;
            if (keep[i]) heights.Add(stats[i].Height);
        }
        var ld = labels.Data;
        for (int i = 0; i < text.Length; i++)
            if (text[i] != 0 && !keep[ld[i]]) text[i] = 0;
        if (heights.Count == 0) return 0;
        heights.Sort();
        return heights[heights.Count / 2];
    }
}
