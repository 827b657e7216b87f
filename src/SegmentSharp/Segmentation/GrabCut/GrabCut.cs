using System.Runtime.CompilerServices;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Segmentation;

/// <summary>
/// GrabCut interactive foreground extraction (C. Rother, V. Kolmogorov, A. Blake, "GrabCut: interactive foreground
/// extraction using iterated graph cuts", ACM SIGGRAPH 2004), equal to OpenCV's <c>cv2.grabCut</c>.
/// </summary>
/// <remarks>
/// <para>Each iteration assigns every pixel to the most likely of five Gaussian components of its class's colour
/// model, relearns both 5-component mixtures, and cuts the 8-connected pixel graph: terminal weights are the negative
/// log-likelihoods under the background and foreground mixtures (450 = 9·γ for the certain classes), neighbour weights
/// γ·exp(−β‖Δcolour‖²) with γ = 50 (γ/√2 diagonally) and β = 1/(2·mean ‖Δcolour‖²). The cut is an exact maximum flow
/// (Boykov–Kolmogorov), so only the probable classes change.</para>
/// <para>The models are OpenCV's 65-double arrays (weights, means, covariances of the five components), so a caller
/// can continue a segmentation with <see cref="GrabCutMode.Eval"/> or <see cref="GrabCutMode.EvalFreezeModel"/>.
/// The mixtures are seeded by k-means++ on the colours as <c>cv::kmeans</c> does; with
/// the random state equal to that of OpenCV's <c>cv::theRNG()</c> (a fresh thread's by default)
/// the result is OpenCV's, pixel for pixel.</para>
/// </remarks>
public static class GrabCut
{
    private const double Gamma = 50, Lambda = 9 * Gamma;
    private const int KMeansIterations = 10;

    /// <summary>Runs GrabCut, updating <paramref name="mask"/> and both models in place.</summary>
    /// <param name="image">8-bit, 3-channel image in BGR order (as <c>cv2.grabCut</c>, which accepts nothing else).</param>
    /// <param name="mask">Single-channel mask of <see cref="GrabCutClass"/> values, the same size as the image: input
    /// for the mask and evaluation modes, overwritten from <paramref name="rect"/> for
    /// <see cref="GrabCutMode.InitWithRect"/>; on return it holds the segmentation.</param>
    /// <param name="rect">The region that holds the object, for <see cref="GrabCutMode.InitWithRect"/> only (clipped
    /// to the image as OpenCV clips it: a negative corner moves to 0 without shortening the size).</param>
    /// <param name="backgroundModel">OpenCV's <c>bgdModel</c>: 65 doubles (all zero at first), read in the evaluation
    /// modes and written unless the model is frozen.</param>
    /// <param name="foregroundModel">OpenCV's <c>fgdModel</c>, likewise.</param>
    /// <param name="iterations">Number of assign/learn/cut rounds (<c>iterCount</c>); 0 or less only initialises.</param>
    /// <param name="mode">How to start; see <see cref="GrabCutMode"/>.</param>
    /// <param name="randomState">State of the k-means++ generator (OpenCV's <c>cv::RNG</c>).</param>
    /// <example><code>
    /// var mask = new Image&lt;byte&gt;(bgr.Width, bgr.Height);
    /// double[] bgd = new double[65], fgd = new double[65];
    /// GrabCut.Apply(bgr, mask, new Rect(50, 40, 300, 250), bgd, fgd, 5, GrabCutMode.InitWithRect);
    /// // mask: 0/2 background, 1/3 foreground; continue later with GrabCutMode.Eval and the same bgd, fgd.
    /// </code></example>
    public static void Apply(ReadOnlyImageView<byte> image, ImageView<byte> mask, Rect rect, double[] backgroundModel,
        double[] foregroundModel, int iterations, GrabCutMode mode, ulong randomState = OpenCvRng.FreshThreadState)
    {
        if (image.Width == 0 || image.Height == 0) throw new ArgumentException("The image is empty.", nameof(image));
        if (image.Channels != 3) throw new ArgumentException($"The image must have 3 channels (BGR), not {image.Channels}.", nameof(image));
        if (mask.Channels != 1) throw new ArgumentException("The mask must have one channel.", nameof(mask));
        if (mask.Width != image.Width || mask.Height != image.Height)
            throw new ArgumentException($"The mask is {mask.Width}×{mask.Height} but the image is {image.Width}×{image.Height}.", nameof(mask));
        if (mode is < GrabCutMode.InitWithRect or > GrabCutMode.EvalFreezeModel) throw new ArgumentOutOfRangeException(nameof(mode));
        int w = image.Width, h = image.Height;
        if ((long)w * h * 3 > Array.MaxLength) throw new ArgumentException("The image is too large.", nameof(image));

        var bgd = new GaussianMixture(backgroundModel);
        var fgd = new GaussianMixture(foregroundModel);
        byte[] img = Contiguous(image);
        var m = new byte[w * h];
        if (mode == GrabCutMode.InitWithRect) RectMask(m, w, h, rect);
        else
        {
            for (int y = 0; y < h; y++) mask.Row(y).CopyTo(m.AsSpan(y * w, w));
            CheckMask(m);
        }

        if (mode is GrabCutMode.InitWithRect or GrabCutMode.InitWithMask)
        {
            var rng = new OpenCvRng(randomState);
            InitModels(img, m, bgd, fgd, ref rng);
        }
        if (iterations > 0)
        {
            if (mode == GrabCutMode.EvalFreezeModel) iterations = 1;
            var weights = NeighbourWeights.Compute(img, w, h, Gamma);
            var graph = new MaxFlowGraph();
            for (int i = 0; i < iterations; i++)
            {
                if (mode != GrabCutMode.EvalFreezeModel) Relearn(img, m, bgd, fgd);
                Cut(img, m, w, h, bgd, fgd, weights, graph);
            }
        }
        for (int y = 0; y < h; y++) m.AsSpan(y * w, w).CopyTo(mask.Row(y));
    }

    /// <summary>GrabCut from a rectangle with fresh models: the common call
    /// <c>cv2.grabCut(img, mask, rect, None, None, iterations, cv2.GC_INIT_WITH_RECT)</c>.</summary>
    /// <returns>The mask of <see cref="GrabCutClass"/> values.</returns>
    public static Image<byte> FromRect(ReadOnlyImageView<byte> image, Rect rect, int iterations = 5)
    {
        var mask = new Image<byte>(image.Width, image.Height);
        Apply(image, mask, rect, new double[GaussianMixture.ModelLength], new double[GaussianMixture.ModelLength], iterations, GrabCutMode.InitWithRect);
        return mask;
    }

    /// <summary>Whether a mask value is foreground (<c>GC_FGD</c> or <c>GC_PR_FGD</c>).</summary>
    public static bool IsForeground(byte value) => (value & 1) != 0;

    private static byte[] Contiguous(ReadOnlyImageView<byte> image)
    {
        int rowLen = image.Width * 3;
        var copy = new byte[rowLen * image.Height];
        for (int y = 0; y < image.Height; y++) image.Row(y).CopyTo(copy.AsSpan(y * rowLen, rowLen));
        return copy;
    }

    private static void RectMask(byte[] m, int w, int h, Rect rect)
    {
        Array.Clear(m);
        int x0 = Math.Max(0, rect.X), y0 = Math.Max(0, rect.Y);
        int rw = Math.Min(rect.Width, w - x0), rh = Math.Min(rect.Height, h - y0);
        if (rw < 0 || rh < 0) throw new ArgumentException($"The rectangle {rect} lies outside the {w}×{h} image.", nameof(rect));
        for (int y = y0; y < y0 + rh; y++) m.AsSpan(y * w + x0, rw).Fill((byte)GrabCutClass.ProbableForeground);
    }

    private static void CheckMask(byte[] m)
    {
        if (m.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)3) >= 0)
            throw new ArgumentException("Mask values must be GC_BGD (0), GC_FGD (1), GC_PR_BGD (2) or GC_PR_FGD (3).", "mask");
    }

    private static bool IsBackground(byte v) => (v & 1) == 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InitModels(byte[] img, byte[] m, GaussianMixture bgd, GaussianMixture fgd, ref OpenCvRng rng)
    {
        int bgdCount = 0;
        foreach (byte v in m) if (IsBackground(v)) bgdCount++;
        int fgdCount = m.Length - bgdCount;
        if (bgdCount == 0 || fgdCount == 0)
            throw new ArgumentException("GrabCut needs both background and foreground pixels in the initial mask.", "mask");
        var bs = new float[3 * bgdCount];
        var fs = new float[3 * fgdCount];
        for (int i = 0, bi = 0, fi = 0; i < m.Length; i++)
        {
            var dst = IsBackground(m[i]) ? bs.AsSpan(3 * bi++, 3) : fs.AsSpan(3 * fi++, 3);
            dst[0] = img[3 * i]; dst[1] = img[3 * i + 1]; dst[2] = img[3 * i + 2];
        }
        int[] bl = ColorKMeans.Cluster(bs, Math.Min(GaussianMixture.Components, bgdCount), KMeansIterations, ref rng);
        int[] fl = ColorKMeans.Cluster(fs, Math.Min(GaussianMixture.Components, fgdCount), KMeansIterations, ref rng);
        Learn(bgd, bs, bl);
        Learn(fgd, fs, fl);
    }

    private static void Learn(GaussianMixture gmm, float[] samples, int[] labels)
    {
        gmm.BeginLearning();
        for (int i = 0; i < labels.Length; i++)
            gmm.Add(labels[i], (int)samples[3 * i], (int)samples[3 * i + 1], (int)samples[3 * i + 2]);
        gmm.EndLearning();
    }

    // Assigns each pixel to its class's most likely component and relearns both mixtures from those assignments.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Relearn(byte[] img, byte[] m, GaussianMixture bgd, GaussianMixture fgd)
    {
        bgd.BeginLearning();
        fgd.BeginLearning();
        for (int i = 0; i < m.Length; i++)
        {
            int b = img[3 * i], g = img[3 * i + 1], r = img[3 * i + 2];
            var gmm = IsBackground(m[i]) ? bgd : fgd;
            gmm.Add(gmm.MostLikely(b, g, r), b, g, r);
        }
        bgd.EndLearning();
        fgd.EndLearning();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Cut(byte[] img, byte[] m, int w, int h, GaussianMixture bgd, GaussianMixture fgd,
        NeighbourWeights nw, MaxFlowGraph graph)
    {
        graph.Reset(w * h, 4 * w * h - 3 * (w + h) + 2);
        for (int y = 0, p = 0; y < h; y++)
            for (int x = 0; x < w; x++, p++)
            {
                int v = graph.AddVertex();
                double fromSource, toSink;
                byte c = m[p];
                if (c >= (byte)GrabCutClass.ProbableBackground)
                {
                    double b = img[3 * p], g = img[3 * p + 1], r = img[3 * p + 2];
                    fromSource = -Math.Log(bgd.Density(b, g, r));
                    toSink = -Math.Log(fgd.Density(b, g, r));
                }
                else if (c == (byte)GrabCutClass.Background) { fromSource = 0; toSink = Lambda; }
                else { fromSource = Lambda; toSink = 0; }
                graph.AddTermWeights(v, fromSource, toSink);
                if (x > 0) graph.AddEdges(v, v - 1, nw.Left[p], nw.Left[p]);
                if (x > 0 && y > 0) graph.AddEdges(v, v - w - 1, nw.UpLeft[p], nw.UpLeft[p]);
                if (y > 0) graph.AddEdges(v, v - w, nw.Up[p], nw.Up[p]);
                if (x < w - 1 && y > 0) graph.AddEdges(v, v - w + 1, nw.UpRight[p], nw.UpRight[p]);
            }
        graph.MaxFlow();
        for (int p = 0; p < m.Length; p++)
            if (m[p] >= (byte)GrabCutClass.ProbableBackground)
                m[p] = graph.InSourceSegment(p) ? (byte)GrabCutClass.ProbableForeground : (byte)GrabCutClass.ProbableBackground;
    }
}
