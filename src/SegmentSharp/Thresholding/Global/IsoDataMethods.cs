namespace SegmentSharp.Thresholding.Global;

internal static partial class ImageJMethods
{
    /// <summary>
    /// ImageJ's "Default" method: its original iterative intermeans (IJ_IsoData) after taming a dominant mode —
    /// when the tallest bin is more than twice the second tallest, it is lowered to 1.5× the second tallest.
    /// Based on T. W. Ridler and S. Calvard, "Picture thresholding using an iterative selection method",
    /// IEEE Trans. SMC-8, 1978. No scikit-image equivalent (closest: <c>threshold_isodata</c>).
    /// </summary>
    internal static int Default(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        int mode = 0, maxCount = 0;
        for (int i = 0; i < 256; i++)
            if (data[i] > maxCount) { maxCount = data[i]; mode = i; }
        int second = 0;
        for (int i = 0; i < 256; i++)
            if (i != mode && data[i] > second) second = data[i];
        // ImageJ compares in 32-bit int arithmetic; keep its wrap-around for identical results.
        if (maxCount > unchecked(second * 2) && second != 0)
            data[mode] = (int)(second * 1.5);
        return IJIsoData(data);
    }

    /// <summary>
    /// ImageJ's legacy IsoData: ignores the end bins 0 and 255, walks a split level upwards from the lowest
    /// occupied bin while the midpoint of the two class means lies above it, and returns that midpoint rounded.
    /// Returns 128 when fewer than two distinct inner levels are occupied.
    /// </summary>
    private static int IJIsoData(int[] data)
    {
        // ImageJ clears the end bins (erased areas) before searching, so the range starts at 1 and ends at 254.
        int min = 1, max = 254;
        while (min < 255 && data[min] == 0) min++;
        while (max > 0 && data[max] == 0) max--;
        if (min >= max) return 128;
        int split = min;
        double mid;
        do
        {
            double lowSum = 0, lowCount = 0, highSum = 0, highCount = 0;
            for (int i = min; i <= split; i++) { lowSum += (double)i * data[i]; lowCount += data[i]; }
            for (int i = split + 1; i <= max; i++) { highSum += (double)i * data[i]; highCount += data[i]; }
            mid = (lowSum / lowCount + highSum / highCount) / 2.0;
            split++;
        } while (split + 1 <= mid && split < max - 1);
        return (int)JavaRound(mid);
    }

    /// <summary>
    /// IsoData / intermeans (T. W. Ridler and S. Calvard, "Picture thresholding using an iterative selection
    /// method", IEEE Trans. SMC-8:630–632, 1978), as ImageJ's AutoThresholder "IsoData": the first level
    /// <c>g</c> above the lowest non-zero level (bin 0 excluded) with <c>g = round((mean(&lt; g) + mean(&gt; g)) / 2)</c>,
    /// where the lower mean is truncated to an integer (ImageJ's int arithmetic). Returns 0 when no level qualifies.
    /// </summary>
    /// <remarks>
    /// scikit-image's <c>threshold_isodata</c> solves <c>t = (mean(≤ t) + mean(&gt; t)) / 2</c> in floating point
    /// over bin centres and returns the smallest such <c>t</c>; it uses the same <c>image &gt; t</c> convention but
    /// different class boundaries (the level <c>g</c> itself belongs to neither class here), so values can differ by a level or two (on the bundled samples: equal on 5 of 8, off by 1–2 on chelsea, horse and text).
    /// </remarks>
    internal static int IsoData(ReadOnlySpan<long> hist)
    {
        int[] data = ToInt(hist);
        int g = 0;
        for (int i = 1; i < 256; i++)
            if (data[i] > 0) { g = i + 1; break; }
        while (true)
        {
            int low = 0, lowCount = 0;
            for (int i = 0; i < g; i++)
            {
                lowCount = unchecked(lowCount + data[i]);
                low = unchecked(low + data[i] * i);
            }
            double high = 0, highCount = 0;
            for (int i = g + 1; i < 256; i++) { highCount += data[i]; high += (double)data[i] * i; }
            if (lowCount > 0 && highCount > 0)
            {
                low /= lowCount;
                high /= highCount;
                if (g == (int)JavaRound((low + high) / 2.0)) break;
            }
            g++;
            if (g > 254) return 0;
        }
        return g;
    }
}
