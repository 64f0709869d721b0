namespace NvTrap.Benchmarks.Inputs;

/// <summary>Which encodings a workload's traps access.</summary>
public enum AccessPattern
{
    /// <summary>(i) Uniform over the encodings the ruleset configures: every decision reaches the group tables.</summary>
    Uniform,

    /// <summary>(ii) A hot subset of 16 registers and instructions a guest kernel touches often: the tables stay in cache.</summary>
    Hot,

    /// <summary>(iii) Uniform over all 65,536 encodings: about nine in ten are misses, so the miss path dominates.</summary>
    Space,
}
