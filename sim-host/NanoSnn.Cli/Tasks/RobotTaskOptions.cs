using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>What the adapt task changes in the world after the robot has learned in arena A.</summary>
    public enum WorldChange
    {
        /// <summary>The right motor loses 30 % of its strength (restored when the robot returns to A).</summary>
        Motor,
        /// <summary>The cables of the two left distance sensors (90° and 45°) are swapped (undone on return).</summary>
        Sensor,
        /// <summary>The robot is carried to arena B (and back to A).</summary>
        Arena,
    }

    /// <summary>Options of a robot task run (<c>nanosnn run --task avoid|imitate|adapt</c>).</summary>
    public sealed class RobotTaskOptions
    {
        /// <summary>Seed of the network, the encoders and the world's noise.</summary>
        public uint Seed = 1;

        /// <summary>Simulated minutes in all; 0 = the task's default. Phases keep their proportions.</summary>
        public double Minutes;

        /// <summary>Arena A (where the tasks learn); null = built-in "a".</summary>
        public Arena Arena;

        /// <summary>Arena B of the adapt task's arena change; null = built-in "b".</summary>
        public Arena ArenaB;

        /// <summary>The adapt task's change.</summary>
        public WorldChange Change = WorldChange.Motor;

        /// <summary>Start of the spike raster window, simulated seconds; negative = automatic (the first close encounter in the last fifth of the run, else at 90 % of it).</summary>
        public double RasterAtSeconds = -1;

        /// <summary>Whether the controller learns; false runs the naive controller as it was built (the control of an experiment).</summary>
        public bool Learning = true;

        /// <summary>Adapt only: stop learning when the world changes (the control that shows what learning during the change does).</summary>
        public bool StopLearningAtChange;

        /// <summary>Called once the controller is wired, before its first tick (to save the initial model, attach telemetry), or null.</summary>
        public System.Action<Controller> Started;

        /// <summary>The robot.</summary>
        public RobotSpec Robot = new RobotSpec();

        /// <summary>Strength of the weakened motor in the motor change.</summary>
        public const double WeakMotorStrength = 0.7;

        /// <summary>Arena A, resolved.</summary>
        public Arena ArenaA => Arena ?? BuiltInArenas.Find("a");

        /// <summary>Arena B, resolved.</summary>
        public Arena ArenaBResolved => ArenaB ?? BuiltInArenas.Find("b");
    }
}
