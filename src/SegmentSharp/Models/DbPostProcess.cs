using SegmentSharp.Contours;
using SegmentSharp.Drawing;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

/// <summary>Settings of <see cref="DbPostProcess"/>; the defaults are PaddleOCR's <c>DBPostProcess</c> defaults.</summary>
/// <param name="Threshold">Probability above which a pixel is text (<c>thresh</c>).</param>
/// <param name="BoxThreshold">Smallest mean probability inside a kept box (<c>box_thresh</c>).</param>
/// <param name="UnclipRatio">Growth factor: boxes grow by area·ratio/perimeter (<c>unclip_ratio</c>).</param>
/// <param name="MaxCandidates">Contours considered at most (<c>max_candidates</c>).</param>
/// <param name="MinSize">Smallest short side of a box before growing; after growing it must exceed this + 2 (<c>min_size</c>).</param>
public sealed record DbPostProcessOptions(float Threshold = 0.3f, float BoxThreshold = 0.6f, double UnclipRatio = 1.5,
    int MaxCandidates = 1000, float MinSize = 3);

/// <summary>A detected text box: four corners in image pixels (clockwise from top-left) and its mean probability.</summary>
/// <param name="Corners">Four integer corners.</param>
/// <param name="Score">Mean probability inside the box before growing.</param>
public sealed record TextBox(Point[] Corners, double Score);

/// <summary>
/// Post-processing of a DBNet text-detection probability map into boxes (Liao et al., "Real-time Scene Text Detection
/// with Differentiable Binarization", AAAI 2020), following PaddleOCR's <c>DBPostProcess</c> with
/// <c>box_type='quad'</c> and <c>score_mode='fast'</c>: binarise at <c>thresh</c>, trace the borders
/// (<c>cv2.findContours(RETR_LIST, CHAIN_APPROX_SIMPLE)</c>, here <see cref="ContourFinder"/>), fit
/// <c>cv2.minAreaRect</c> (<see cref="Shape.MinAreaRect(ReadOnlySpan{Point})"/>), score the box by the mean
/// probability under it, drop weak or tiny boxes, grow the box by the "unclip" distance with a round-join offset
/// (<see cref="PolygonOffset"/>), fit the rectangle again and scale it to the image.
/// </summary>
public static class DbPostProcess
{
    /// <summary>Runs the post-processing on a <paramref name="width"/> × <paramref name="height"/> probability map.</summary>
    /// <param name="probabilities">Row-major probabilities (the model's first output channel).</param>
    /// <param name="width">Map width.</param>
    /// <param name="height">Map height.</param>
    /// <param name="imageWidth">Width of the original image the boxes are scaled to.</param>
    /// <param name="imageHeight">Height of the original image.</param>
    /// <param name="options">Thresholds; PaddleOCR's defaults when null.</param>
    public static List<TextBox> Run(ReadOnlySpan<float> probabilities, int width, int height, int imageWidth, int imageHeight,
        DbPostProcessOptions? options = null)
    {
        options ??= new DbPostProcessOptions();
        var bitmap = SemanticMaps.Threshold(probabilities, width, height, options.Threshold);
        var contours = ContourFinder.Find(bitmap.ReadOnlyView, ContourMode.List, ContourApproximation.Simple, out _);
        var boxes = new List<TextBox>();
        int count = Math.Min(contours.Length, options.MaxCandidates);
        for (int i = 0; i < count; i++)
        {
            var (box, side) = MiniBox(Shape.MinAreaRect(contours[i]));
            if (side < options.MinSize) continue;
            double score = BoxScoreFast(probabilities, width, height, box);
            if (options.BoxThreshold > score) continue;
            Point[] grown = PolygonOffset.Round(box, UnclipDistance(box, options.UnclipRatio));
            if (grown.Length == 0) continue;
            var (final, side2) = MiniBox(Shape.MinAreaRect(grown));
            if (side2 < options.MinSize + 2) continue;
            var corners = new Point[4];
            for (int k = 0; k < 4; k++)
            {
                // float32 arithmetic and round-half-even as NumPy does on the float32 box.
                float x = MathF.Round(final[k].X / width * imageWidth, MidpointRounding.ToEven);
                float y = MathF.Round(final[k].Y / height * imageHeight, MidpointRounding.ToEven);
                corners[k] = new Point((int)Math.Clamp(x, 0, imageWidth), (int)Math.Clamp(y, 0, imageHeight));
            }
            boxes.Add(new TextBox(corners, score));
        }
        return boxes;
    }

    /// <summary>
    /// The unclip distance <c>D = area · ratio / perimeter</c> of a polygon (shapely's <c>Polygon.area</c> and
    /// <c>.length</c>), in double precision.
    /// </summary>
    public static double UnclipDistance(ReadOnlySpan<PointF> polygon, double ratio)
    {
        double area2 = 0, length = 0;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
        {
            double xi = polygon[i].X, yi = polygon[i].Y, xj = polygon[j].X, yj = polygon[j].Y;
            area2 += xj * yi - xi * yj;
            length += Math.Sqrt((xi - xj) * (xi - xj) + (yi - yj) * (yi - yj));
        }
        return length == 0 ? 0 : Math.Abs(area2) / 2 * ratio / length;
    }

    /// <summary>
    /// The corners of a rotated rectangle ordered top-left, top-right, bottom-right, bottom-left as PaddleOCR's
    /// <c>get_mini_boxes</c> (sort by x, then pick by y within each pair), and the short side.
    /// </summary>
    public static (PointF[] Box, float ShortSide) MiniBox(RotatedRect rect)
    {
        PointF[] p = Shape.BoxPoints(rect);
        // Python's sorted is stable; so is this insertion sort.
        for (int i = 1; i < 4; i++)
            for (int j = i; j > 0 && p[j].X < p[j - 1].X; j--) (p[j], p[j - 1]) = (p[j - 1], p[j]);
        int i1, i2, i3, i4;
        if (p[1].Y > p[0].Y) { i1 = 0; i4 = 1; } else { i1 = 1; i4 = 0; }
        if (p[3].Y > p[2].Y) { i2 = 2; i3 = 3; } else { i2 = 3; i3 = 2; }
        return ([p[i1], p[i2], p[i3], p[i4]], Math.Min(rect.Width, rect.Height));
    }

    /// <summary>
    /// Mean probability over the pixels of the box's bounding window that the filled box covers (PaddleOCR's
    /// <c>box_score_fast</c>: corners shifted into the window and truncated to integers, <c>cv2.fillPoly</c>,
    /// <c>cv2.mean</c> with the mask).
    /// </summary>
    public static double BoxScoreFast(ReadOnlySpan<float> probabilities, int width, int height, ReadOnlySpan<PointF> box)
    {
        float minX = float.MaxValue, maxX = float.MinValue, minY = float.MaxValue, maxY = float.MinValue;
        foreach (var q in box) { minX = MathF.Min(minX, q.X); maxX = MathF.Max(maxX, q.X); minY = MathF.Min(minY, q.Y); maxY = MathF.Max(maxY, q.Y); }
        int xmin = Math.Clamp((int)MathF.Floor(minX), 0, width - 1), xmax = Math.Clamp((int)MathF.Ceiling(maxX), 0, width - 1);
        int ymin = Math.Clamp((int)MathF.Floor(minY), 0, height - 1), ymax = Math.Clamp((int)MathF.Ceiling(maxY), 0, height - 1);
        var mask = new Image<byte>(xmax - xmin + 1, ymax - ymin + 1);
        var poly = new Point[box.Length];
        for (int k = 0; k < box.Length; k++) poly[k] = new Point((int)(box[k].X - xmin), (int)(box[k].Y - ymin));
        Draw.FillPolygon(mask.View, poly, Rgb.White);
        double sum = 0;
        long n = 0;
        for (int y = 0; y < mask.Height; y++)
            for (int x = 0; x < mask.Width; x++)
                if (mask.Data[y * mask.Width + x] != 0) { sum += probabilities[(y + ymin) * width + x + xmin]; n++; }
        return n == 0 ? 0 : sum / n;
    }
}
