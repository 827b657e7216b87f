using System.Globalization;
using System.Text;

using SegmentSharp.Pipelines.Text;

namespace SegmentSharp.Pipelines.Outputs;

/// <summary>Contours as JSON, GeoJSON or SVG text.</summary>
internal static class ContourWriters
{
    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string ToJson(ContourSet s, string input, int width, int height, string mode, string approx)
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"image\": ").Append(Json.Object(("path", Json.Str(input)), ("width", Json.Num(width)), ("height", Json.Num(height))));
        sb.Append(",\n  \"mode\": ").Append(Json.Str(mode)).Append(", \"approx\": ").Append(Json.Str(approx));
        sb.Append(", \"count\": ").Append(s.Count).Append(",\n  \"contours\": [");
        for (int i = 0; i < s.Count; i++)
        {
            var h = s.Hierarchy[i];
            var b = s.Box[i];
            sb.Append(i == 0 ? "\n    " : ",\n    ");
            sb.Append("{\"id\": ").Append(i)
              .Append(", \"hierarchy\": [").Append(h.Next).Append(", ").Append(h.Previous).Append(", ").Append(h.FirstChild).Append(", ").Append(h.Parent).Append(']')
              .Append(", \"is_hole\": ").Append(Json.Bool(s.IsHole[i]))
              .Append(", \"area\": ").Append(N(s.Area[i]))
              .Append(", \"perimeter\": ").Append(N(s.Perimeter[i]))
              .Append(", \"bbox\": [").Append(b.X).Append(", ").Append(b.Y).Append(", ").Append(b.Width).Append(", ").Append(b.Height).Append(']')
              .Append(", \"points\": [");
            var pts = s.Contours[i];
            for (int k = 0; k < pts.Length; k++)
            {
                if (k > 0) sb.Append(", ");
                sb.Append('[').Append(pts[k].X).Append(", ").Append(pts[k].Y).Append(']');
            }
            sb.Append("]}");
        }
        sb.Append(s.Count > 0 ? "\n  ]\n}\n" : "]\n}\n");
        return sb.ToString();
    }

    /// <summary>
    /// A GeoJSON FeatureCollection in pixel coordinates (x right, y down; no CRS): one Polygon feature per contour
    /// with at least three points (ring closed by repeating the first point), LineString for two, Point for one.
    /// </summary>
    public static string ToGeoJson(ContourSet s)
    {
        var sb = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int i = 0; i < s.Count; i++)
        {
            var pts = s.Contours[i];
            sb.Append(i == 0 ? "\n  " : ",\n  ");
            sb.Append("{\"type\": \"Feature\", \"properties\": ")
              .Append(Json.Object(("id", Json.Num(i)), ("parent", Json.Num(s.Hierarchy[i].Parent)), ("is_hole", Json.Bool(s.IsHole[i])),
                  ("area", Json.Num(s.Area[i])), ("perimeter", Json.Num(s.Perimeter[i]))))
              .Append(", \"geometry\": ");
            if (pts.Length == 1) sb.Append($"{{\"type\": \"Point\", \"coordinates\": [{pts[0].X}, {pts[0].Y}]}}");
            else
            {
                bool polygon = pts.Length >= 3;
                sb.Append(polygon ? "{\"type\": \"Polygon\", \"coordinates\": [[" : "{\"type\": \"LineString\", \"coordinates\": [");
                for (int k = 0; k < pts.Length; k++) sb.Append(k > 0 ? ", " : "").Append('[').Append(pts[k].X).Append(", ").Append(pts[k].Y).Append(']');
                if (polygon) sb.Append(", [").Append(pts[0].X).Append(", ").Append(pts[0].Y).Append("]]]}");
                else sb.Append("]}");
            }
            sb.Append('}');
        }
        sb.Append(s.Count > 0 ? "\n]}\n" : "]}\n");
        return sb.ToString();
    }

    /// <summary>An SVG the size of the image; each contour is a path through pixel centres (x + 0.5, y + 0.5), outer borders green, holes red.</summary>
    public static string ToSvg(ContourSet s, int width, int height)
    {
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
        for (int i = 0; i < s.Count; i++)
        {
            var pts = s.Contours[i];
            sb.Append($"  <path id=\"c{i}\" data-parent=\"{s.Hierarchy[i].Parent}\" fill=\"none\" stroke=\"{(s.IsHole[i] ? "#ff0000" : "#00c000")}\" stroke-width=\"1\" d=\"");
            for (int k = 0; k < pts.Length; k++)
                sb.Append(k == 0 ? "M" : " L").Append(N(pts[k].X + 0.5)).Append(' ').Append(N(pts[k].Y + 0.5));
            sb.Append(" Z\"/>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }
}
