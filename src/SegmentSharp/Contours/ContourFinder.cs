using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Contours;

/// <summary>
/// Contour extraction from binary masks, equal to OpenCV's <c>cv::findContours</c> (OpenCV 4.13, contours_new.cpp):
/// the same contours, the same points in the same order and the same <c>[next, previous, first child, parent]</c>
/// hierarchy for every retrieval mode and approximation.
/// </summary>
/// <remarks>
/// <para>Algorithm: Suzuki &amp; Abe 1985, "Topological structural analysis of digitized binary images by border
/// following" (CVGIP 30), on a copy of the mask with a one-pixel background frame, so objects touching the image edge
/// get closed borders that run along the edge pixels. Points are 8-connected border pixels; outer borders run
/// counter-clockwise on screen (y down), holes clockwise. The TC89 approximations apply Teh &amp; Chin 1989, "On the
/// detection of dominant points on digital curves" (IEEE PAMI 11(8)) to the traced chain codes.</para>
/// <para>Order: the contours come out in a pre-order walk of the border tree in which each border's children are
/// listed newest first, so at every level siblings appear in reverse raster order of their start pixels, as in
/// OpenCV.</para>
/// <para>Cost: one framed byte copy of the mask (width+2 × height+2 bytes) plus the output points; the scan skips runs
/// of equal pixels with vectorized searches. Tracing is sequential (each border's marks steer the next), so only the
/// framing copy uses several threads.</para>
/// </remarks>
public static class ContourFinder
{
    /// <summary>
    /// Finds the borders of the nonzero regions of <paramref name="mask"/>, like
    /// <c>cv2.findContours(mask, mode, method, offset=offset)</c>.
    /// </summary>
    /// <param name="mask">Single-channel mask; every nonzero sample is foreground.</param>
    /// <param name="mode">Which borders to keep and how to nest them (<c>RETR_*</c>).</param>
    /// <param name="approximation">How to reduce each border to points (<c>CHAIN_APPROX_*</c>).</param>
    /// <param name="hierarchy">One entry per contour: next and previous sibling, first child and parent indices, -1 for none.</param>
    /// <param name="offset">Added to every point, e.g. the position of a region of interest in a larger image.</param>
    /// <returns>The contours; empty (with an empty <paramref name="hierarchy"/>) when the mask has no foreground.</returns>
    public static Point[][] Find(ReadOnlyImageView<byte> mask, ContourMode mode, ContourApproximation approximation,
        out HierarchyEntry[] hierarchy, Point offset = default)
    {
        if (mask.Channels != 1)
            throw new ArgumentException($"findContours needs a single-channel mask, got {mask.Channels} channels.", nameof(mask));
        if (mode is < ContourMode.External or > ContourMode.Tree)
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown contour retrieval mode.");
        if (approximation is < ContourApproximation.None or > ContourApproximation.Tc89Kcos)
            throw new ArgumentOutOfRangeException(nameof(approximation), approximation, "Unknown contour approximation.");

        byte[] framed = BinaryFrame.Build(mask);
        var scanner = new ContourScanner(framed, mask.Width, mask.Height, mode, approximation, offset.X, offset.Y);
        try
        {
            scanner.Run();
            return Collect(scanner, out hierarchy);
        }
        finally
        {
            scanner.Points.Release();
            BinaryFrame.Return(framed);
        }
    }

    /// <summary>Walks the tree in OpenCV's output order and cuts each contour's points from the shared buffer.</summary>
    private static Point[][] Collect(ContourScanner scanner, out HierarchyEntry[] hierarchy)
    {
        var nodes = scanner.Nodes;
        int total = nodes.Length - 1;
        if (total == 0)
        {
            hierarchy = [];
            return [];
        }

        // index[node] = output position; the root (node 0) stays -1 so top-level parents come out as -1.
        var index = new int[nodes.Length];
        var order = new int[total];
        var stack = new int[nodes.Length];
        int sp = 0, n = 0;
        index[0] = -1;
        stack[sp++] = 0;
        while (sp > 0)
        {
            int cur = stack[--sp];
            if (cur != 0)
            {
                index[cur] = n;
                order[n++] = cur;
            }
            // Push children last-to-first so the first child is popped first.
            int c = nodes[cur].FirstChild;
            if (c == -1) continue;
            while (nodes[c].Next != -1) c = nodes[c].Next;
            for (; c != -1; c = nodes[c].Previous) stack[sp++] = c;
        }

        var contours = new Point[total][];
        hierarchy = new HierarchyEntry[total];
        for (int i = 0; i < total; i++)
        {
            ref readonly var node = ref nodes[order[i]];
            contours[i] = scanner.Points.Slice(node.PointStart, node.PointCount).ToArray();
            hierarchy[i] = new HierarchyEntry(Map(index, node.Next), Map(index, node.Previous), Map(index, node.FirstChild), Map(index, node.Parent));
        }
        return contours;
    }

    private static int Map(int[] index, int node) => node < 0 ? -1 : index[node];
}
