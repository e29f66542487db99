using System;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>How the simulated robot and the core's controllers are matched to each other.</summary>
    public static class RobotSetup
    {

        /// <summary>
        /// Steering weight of each distance sensor from its mounting angle, per mille: positive on
        /// the left, 1000 straight ahead falling to 300 at the side, 0 behind (a rear obstacle
        /// calls for no turn).
        /// </summary>
        public static int[] SteeringPerMille(RobotSpec spec)
        {
            var w = new int[spec.Sensors];
            for (int i = 0; i < w.Length; i++)
            {
                double a = spec.SensorAnglesDeg[i];
                double abs = Math.Abs(a);
                if (abs > 100 || abs < 1e-9) { w[i] = 0; continue; }
                double m = abs <= 15 ? 1.0 : Math.Max(0.3, 1.0 - 0.7 * (abs - 15) / 75);
                w[i] = (int)Math.Round(Math.Sign(a) * 1000 * m);
            }
            return w;
        }

        /// <summary>How much each sensor looks ahead, per mille: 1000 within 20° of straight ahead, 300 within 50°, else 0.</summary>
        public static int[] FrontPerMille(RobotSpec spec)
        {
            var w = new int[spec.Sensors];
            for (int i = 0; i < w.Length; i++)
            {
                double abs = Math.Abs(spec.SensorAnglesDeg[i]);
                w[i] = abs <= 20 ? 1000 : (abs <= 50 ? 300 : 0);
            }
            return w;
        }

        /// <summary>The avoidance brain's parameters for <paramref name="spec"/> (sensor layout and full scales).</summary>
        public static AvoidanceBrainParameters AvoidanceParameters(RobotSpec spec)
        {
            var p = new AvoidanceBrainParameters
            {
                SteeringPerMille = SteeringPerMille(spec),
                FrontPerMille = FrontPerMille(spec),
                ProximityFullScale = spec.SensorRangeMm,
            };
            // Turn full scale: the wheels at ±50 % of full speed for one control step.
            double countsPerTick = spec.MaxWheelSpeedMps * spec.CountsPerMetre / 1000.0;
            p.Reward.TurnFullScaleCounts = Math.Max(1, (int)Math.Round(countsPerTick * p.Reward.PeriodTicks));
            p.Reward.ProgressFullScaleCounts = Math.Max(1, (int)Math.Round(countsPerTick * p.Reward.PeriodTicks * p.CruisePercent / 100.0));
            return p;
        }
    }
}
