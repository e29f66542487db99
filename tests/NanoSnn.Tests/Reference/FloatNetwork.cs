using System;
using System.Collections.Generic;

namespace NanoSnn.Tests.Reference
{
    /// <summary>
    /// A float64 model of a fixed-point <see cref="Network"/>: the same populations, the same
    /// synapses (weights converted exactly, w·2^shift/65536) and the same update order, but
    /// with real-valued state and exact exponential decays. It is the "true" model that the
    /// fixed-point core must track; see <see cref="LifReferenceTests"/> for the tolerances.
    /// </summary>
    public sealed class FloatNetwork
    {
        public sealed class Pop
        {
            public PopulationKind Kind;
            public int Size, FirstInput;
            public double Threshold, Alpha, Rho, Beta, Bias;
            public ResetMode Reset;
            public int RefractoryTicks;
            public double[] V, A, Y, Input;
            /// <summary>v − A at this tick's threshold comparison (NaN where refractory or non-spiking).</summary>
            public double[] Margin;
            public bool[] Z;
            public int[] Refractory;
            public List<Syn> Incoming = new List<Syn>();
        }

        public struct Syn
        {
            public int SourcePop, Source, Target;
            public double Weight;
        }

        public readonly Pop[] Pops;
        private readonly Network _fixed;

        public FloatNetwork(Network network)
        {
            _fixed = network;
            double dt = network.DtUs;
            Pops = new Pop[network.Populations.Length];
            foreach (Population p in network.Populations)
            {
                var f = new Pop
                {
                    Kind = p.Kind,
                    Size = p.Size,
                    V = new double[p.Size],
                    A = new double[p.Size],
                    Y = new double[p.Size],
                    Input = new double[p.Size],
                    Margin = new double[p.Size],
                    Z = new bool[p.Size],
                    Refractory = new int[p.Size],
                };
                if (p is InputPopulation ip) f.FirstInput = ip.FirstInputIndex;
                if (p is LifPopulation lif)
                {
                    LifParameters lp = lif.Parameters;
                    f.Threshold = lp.ThresholdQ16 / 65536.0;
                    f.Alpha = DecayOf(lp.TauMembraneUs, dt);
                    f.Bias = lp.BiasQ16 / 65536.0;
                    f.Reset = lp.Reset;
                    f.RefractoryTicks = lp.RefractoryTicks;
                    if (lif.Adaptive)
                    {
                        f.Rho = DecayOf(lp.TauAdaptationUs, dt);
                        f.Beta = lp.AdaptationBetaQ16 / 65536.0;
                    }
                }
                if (p is ReadoutPopulation r)
                {
                    f.Alpha = DecayOf(r.TauUs, dt);
                    f.Bias = r.Bias / 65536.0;
                }
                Pops[p.Index] = f;
            }
            foreach (Projection q in network.Projections)
            {
                double scale = Math.Pow(2, q.WeightShift) / 65536.0;
                for (int k = 0; k < q.SynapseCount; k++)
                {
                    Pops[q.Target.Index].Incoming.Add(new Syn
                    {
                        SourcePop = q.Source.Index,
                        Source = q.SourceOf(k),
                        Target = q.TargetOf(k),
                        Weight = q.Weights[k] * scale,
                    });
                }
            }
        }

        public static double DecayOf(int tauUs, double dtUs)
        {
            return tauUs <= 0 ? 0.0 : Math.Exp(-dtUs / tauUs);
        }

        /// <summary>The effective threshold of neuron j (ALIF adds beta·a).</summary>
        public double ThresholdOf(Pop p, int j)
        {
            return p.Threshold + p.Beta * p.A[j];
        }

        public void Step(int[] spikes, int count)
        {
            foreach (Pop p in Pops)
            {
                if (p.Kind != PopulationKind.Input) continue;
                Array.Clear(p.Z);
                for (int k = 0; k < count; k++)
                {
                    int i = spikes[k] - p.FirstInput;
                    if (i >= 0 && i < p.Size) p.Z[i] = true;
                }
            }
            for (int pi = 0; pi < Pops.Length; pi++)
            {
                Pop p = Pops[pi];
                if (p.Kind == PopulationKind.Input) continue;
                foreach (Syn s in p.Incoming)
                    if (Pops[s.SourcePop].Z[s.Source]) p.Input[s.Target] += s.Weight;
                const double limit = 16384.0;
                for (int j = 0; j < p.Size; j++)
                {
                    if (p.Kind == PopulationKind.Readout)
                    {
                        p.Y[j] = Math.Clamp(p.Alpha * p.Y[j] + p.Input[j] + p.Bias, -limit, limit);
                        p.Input[j] = 0;
                        continue;
                    }
                    double v = p.Alpha * p.V[j] + p.Input[j] + p.Bias;
                    if (p.Z[j] && p.Reset == ResetMode.Subtract) v -= p.Threshold;
                    if (p.Kind == PopulationKind.Alif) p.A[j] = p.Rho * p.A[j] + (p.Z[j] ? 1.0 : 0.0);
                    p.Input[j] = 0;
                    v = Math.Clamp(v, -limit, limit);
                    bool z = false;
                    p.Margin[j] = double.NaN;
                    if (p.Refractory[j] > 0) p.Refractory[j]--;
                    else if ((p.Margin[j] = v - ThresholdOf(p, j)) >= 0)
                    {
                        z = true;
                        p.Refractory[j] = p.RefractoryTicks;
                        if (p.Reset == ResetMode.Zero) v = 0;
                    }
                    p.V[j] = v;
                    p.Z[j] = z;
                }
            }
        }
    }
}
