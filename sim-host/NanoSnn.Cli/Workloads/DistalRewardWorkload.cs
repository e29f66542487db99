using NanoSnn.Cli.Experiments;

namespace NanoSnn.Cli.Workloads
{
    /// <summary>
    /// The "distal-reward" benchmark workload: the 1000-neuron network of
    /// <see cref="DistalRewardExperiment"/> (800 RS + 200 FS Izhikevich neurons, 100 synapses
    /// each, reward-modulated STDP on the 80,000 excitatory synapses, weight update every 10 ms),
    /// with a reward of 0.5 every 2 s so that the dopamine path is exercised. The neuron update
    /// dominates the cost: the rule touches synapses only along the rows of spiking neurons, where
    /// a target spiked while the source's trace was alive, and in its periodic catch-ups (see
    /// <see cref="RewardStdp"/>).
    /// </summary>
    public sealed class DistalRewardWorkload
    {
        /// <summary>The workload's name on the command line.</summary>
        public const string Name = "distal-reward";

        /// <summary>Ticks between two rewards.</summary>
        public const int RewardEveryTicks = 2000;

        /// <summary>Default timed ticks: 10 simulated seconds at 1 ms.</summary>
        public const int DefaultSteps = 10000;

        private int _tick;

        /// <summary>Builds the experiment's network for <paramref name="seed"/>.</summary>
        public DistalRewardWorkload(uint seed)
        {
            Seed = seed;
            Setup = DistalRewardExperiment.Build(new DistalRewardOptions { Seed = seed });
            Network = Setup.Network;
            Rule = Setup.Rule;
        }

        /// <summary>Seed of the network.</summary>
        public readonly uint Seed;

        /// <summary>The built experiment.</summary>
        public readonly DistalRewardExperiment.Setup Setup;

        /// <summary>The network.</summary>
        public readonly Network Network;

        /// <summary>The learning rule on the excitatory synapses.</summary>
        public readonly RewardStdp Rule;

        /// <summary>Plastic (excitatory) synapses.</summary>
        public int PlasticSynapses { get { return Setup.Excitatory.SynapseCount; } }

        /// <summary>One 1 ms tick, with a reward at the end of every <see cref="RewardEveryTicks"/>-th. Allocates nothing.</summary>
        public void Tick()
        {
            Network.Step(null, 0);
            if (++_tick == RewardEveryTicks)
            {
                _tick = 0;
                Rule.Reward(DistalRewardExperiment.RewardQ16);
            }
        }
    }
}
