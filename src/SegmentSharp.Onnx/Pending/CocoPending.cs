// TEMPORARY stand-ins for the building blocks the 'coco' branch is writing in the core library (SegmentSharp.Models):
// plain, unoptimised versions with the same names so this project builds and its tests run before that branch lands.
// Each is deleted as soon as the real one is merged.
using SegmentSharp.Contours;
using SegmentSharp.Geometry;
using SegmentSharp.Imaging;

namespace SegmentSharp.Models;

internal static class MaskPaste
{
    public static float[] Paste(ReadOnlySpan<float> mask, int mw, int mh, double x1, double y1, double x2, double y2, int width, int height)
        => throw new NotImplementedException("mask pasting comes from the coco branch");
}

public sealed record DbPostprocessOptions
{
    public float Threshold { get; init; } = 0.3f;
    public float BoxThreshold { get; init; } = 0.6f;
    public int MaxCandidates { get; init; } = 1000;
    public double UnclipRatio { get; init; } = 1.5;
    public int MinSize { get; init; } = 3;
    public bool SlowScore { get; init; }
}

internal readonly record struct DbBox(PointF[] Points, float Score);

internal static class DbPostprocess
{
    public static DbBox[] Run(float[] pred, int w, int h, int destWidth, int destHeight, DbPostprocessOptions o)
    {
        var bitmap = new Image<byte>(w, h);
        for (int i = 0; i < w * h; i++) bitmap.Data[i] = pred[i] > o.Threshold ? (byte)255 : (byte)0;
        var contours = ContourFinder.Find(bitmap, ContourMode.List, ContourApproximation.Simple, out _);
        var boxes = new List<DbBox>();
        foreach (var contour in contours.Take(o.MaxCandidates))
        {
            var (pts, sside) = MiniBox(Shape.MinAreaRect(contour));
            if (sside < o.MinSize) continue;
            float score = o.SlowScore ? Score(pred, w, h, contour.Select(q => new PointF(q.X, q.Y)).ToArray()) : Score(pred, w, h, pts);
            if (o.BoxThreshold > score) continue;
            double area = Math.Abs(Area(pts)), len = Perimeter(pts), d = area * o.UnclipRatio / len;
            var rr = Shape.MinAreaRect(pts);
            var grown = rr with { Width = rr.Width + 2 * (float)d, Height = rr.Height + 2 * (float)d };
            var (box, s2) = MiniBox(grown);
            if (s2 < o.MinSize + 2) continue;
            for (int k = 0; k < 4; k++)
                box[k] = new PointF(Math.Clamp(MathF.Round(box[k].X / w * destWidth), 0, destWidth), Math.Clamp(MathF.Round(box[k].Y / h * destHeight), 0, destHeight));
            boxes.Add(new DbBox(box, score));
        }
        return boxes.ToArray();
    }

    private static (PointF[] Box, float Side) MiniBox(RotatedRect r)
    {
        double a = Math.PI * r.Angle / 180, b = Math.Cos(a) * 0.5, s = Math.Sin(a) * 0.5;
        var p = new PointF[4];
        p[0] = new PointF((float)(r.Center.X - s * r.Height - b * r.Width), (float)(r.Center.Y + b * r.Height - s * r.Width));
        p[1] = new PointF((float)(r.Center.X + s * r.Height - b * r.Width), (float)(r.Center.Y - b * r.Height - s * r.Width));
        p[2] = new PointF(2 * r.Center.X - p[0].X, 2 * r.Center.Y - p[0].Y);
        p[3] = new PointF(2 * r.Center.X - p[1].X, 2 * r.Center.Y - p[1].Y);
        var sorted = p.OrderBy(q => q.X).ToArray();
        var (i1, i4) = sorted[1].Y > sorted[0].Y ? (0, 1) : (1, 0);
        var (i2, i3) = sorted[3].Y > sorted[2].Y ? (2, 3) : (3, 2);
        return ([sorted[i1], sorted[i2], sorted[i3], sorted[i4]], Math.Min(r.Width, r.Height));
    }

    private static float Score(float[] pred, int w, int h, PointF[] box)
    {
        int x0 = Math.Clamp((int)Math.Floor(box.Min(p => p.X)), 0, w - 1), x1 = Math.Clamp((int)Math.Ceiling(box.Max(p => p.X)), 0, w - 1);
        int y0 = Math.Clamp((int)Math.Floor(box.Min(p => p.Y)), 0, h - 1), y1 = Math.Clamp((int)Math.Ceiling(box.Max(p => p.Y)), 0, h - 1);
        var mask = new Image<byte>(x1 - x0 + 1, y1 - y0 + 1, 3);
        var poly = box.Select(p => new Point((int)(p.X - x0), (int)(p.Y - y0))).ToArray();
        Drawing.Draw.FillPolygon(mask, poly, new Drawing.Rgb(1, 1, 1));
        double sum = 0; int n = 0;
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
                if (mask.Data[3 * ((y - y0) * mask.Width + x - x0)] != 0) { sum += pred[y * w + x]; n++; }
        return n == 0 ? 0 : (float)(sum / n);
    }

    private static double Area(PointF[] p)
    {
        double a = 0;
        for (int i = 0; i < p.Length; i++) { var q = p[(i + 1) % p.Length]; a += (double)p[i].X * q.Y - (double)q.X * p[i].Y; }
        return a / 2;
    }

    private static double Perimeter(PointF[] p)
    {
        double l = 0;
        for (int i = 0; i < p.Length; i++) { var q = p[(i + 1) % p.Length]; l += Math.Sqrt(Math.Pow(q.X - p[i].X, 2) + Math.Pow(q.Y - p[i].Y, 2)); }
        return l;
    }
}
