namespace SegmentSharp.Superpixels;

/// <summary>
/// scikit-image's <c>util.regular_grid</c> for a (depth, height, width) volume: about <c>n</c> points spread evenly,
/// the step of each axis the n-th root of the volume per point, except that axes too short for that step take their
/// whole length and the remaining axes share the rest. Starts are half a step (floored), steps rounded half to even.
/// </summary>
internal static class SlicGrid
{
    /// <summary>Per axis (z, y, x): first index, integer step, and the step as the float SLIC scales distances by.</summary>
    public static (int[] Start, int[] Step, double[] StepSize) Compute(int[] shape, int n)
    {
        const int ndim = 3;
        double space = (double)shape[0] * shape[1] * shape[2];
        if (space <= n) return ([0, 0, 0], [1, 1, 1], [1.0, 1.0, 1.0]);
        // numpy sorts three elements by insertion, so equal lengths keep their axis order.
        int[] order = [0, 1, 2];
        Array.Sort(order, (p, q) => shape[p] != shape[q] ? shape[p].CompareTo(shape[q]) : p.CompareTo(q));
        var sorted = new double[ndim];
        for (int i = 0; i < ndim; i++) sorted[i] = shape[order[i]];
        var steps = new double[ndim];
        Array.Fill(steps, Math.Pow(space / n, 1.0 / ndim));
        if (AnyShorter(sorted, steps))
        {
            for (int dim = 0; dim < ndim - 1; dim++)
            {
                steps[dim] = sorted[dim];
                double rest = 1;
                for (int j = dim + 1; j < ndim; j++) rest *= sorted[j];
                double s = Math.Pow(rest / n, 1.0 / (ndim - dim - 1));
                for (int j = dim + 1; j < ndim; j++) steps[j] = s;
                if (!AnyShorter(sorted, steps)) break;
            }
        }
        var start = new int[ndim];
        var step = new int[ndim];
        var size = new double[ndim];
        for (int i = 0; i < ndim; i++)
        {
            int axis = order[i];
            start[axis] = (int)Math.Floor(steps[i] / 2);
            step[axis] = (int)Math.Round(steps[i], MidpointRounding.ToEven);
            size[axis] = step[axis];
        }
        return (start, step, size);
    }

    private static bool AnyShorter(double[] sorted, double[] steps)
    {
        for (int i = 0; i < sorted.Length; i++) if (sorted[i] < steps[i]) return true;
        return false;
    }
}
