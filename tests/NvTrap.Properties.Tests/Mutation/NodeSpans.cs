using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NvTrap.Properties.Tests.Mutation;

/// <summary>A node of a YAML text: where it starts and ends, and whether it sits in a flow collection.</summary>
internal sealed record NodeSpan(int Start, int End, bool InFlow, int Column);

/// <summary>
/// The nodes of a YAML text as YamlDotNet's parser reports them: scalars, collections and
/// mapping entries (key through value), so mutations can drop, duplicate, retype and swap whole
/// nodes. Text the parser cannot read has no nodes; the mutator then works on characters.
/// </summary>
internal static class NodeSpans
{
    public static IReadOnlyList<NodeSpan> Of(string text)
    {
        var nodes = new List<NodeSpan>();
        try
        {
            var parser = new Parser(new StringReader(text));
            var open = new Stack<(int Start, bool Flow, bool Mapping, int Column, List<(int Start, int End)> Children)>();
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                bool inFlow = open.Count > 0 && open.Peek().Flow;
                switch (current)
                {
                    case Scalar scalar:
                        Child(open, nodes, (int)scalar.Start.Index, (int)scalar.End.Index, inFlow, (int)scalar.Start.Column);
                        break;
                    case MappingStart mapping:
                        open.Push(((int)mapping.Start.Index, mapping.Style == MappingStyle.Flow, true, (int)mapping.Start.Column, new()));
                        break;
                    case SequenceStart sequence:
                        open.Push(((int)sequence.Start.Index, sequence.Style == SequenceStyle.Flow, false, (int)sequence.Start.Column, new()));
                        break;
                    case MappingEnd or SequenceEnd:
                        var closed = open.Pop();
                        int end = Math.Max((int)current.End.Index, closed.Children.Count > 0 ? closed.Children[^1].End : closed.Start);
                        if (closed.Mapping)
                        {
                            // Key through value: the unit a person adds or removes.
                            for (int i = 0; i + 1 < closed.Children.Count; i += 2)
                            {
                                nodes.Add(new NodeSpan(closed.Children[i].Start, closed.Children[i + 1].End, closed.Flow, closed.Column));
                            }
                        }

                        Child(open, nodes, closed.Start, Math.Min(end, text.Length), open.Count > 0 && open.Peek().Flow, closed.Column);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            return Array.Empty<NodeSpan>();
        }

        return nodes.Where(n => n.Start < n.End && n.End <= text.Length).ToList();
    }

    private static void Child(Stack<(int Start, bool Flow, bool Mapping, int Column, List<(int Start, int End)> Children)> open, List<NodeSpan> nodes, int start, int end, bool inFlow, int column)
    {
        nodes.Add(new NodeSpan(start, end, inFlow, column));
        if (open.Count > 0)
        {
            open.Peek().Children.Add((start, end));
        }
    }
}
