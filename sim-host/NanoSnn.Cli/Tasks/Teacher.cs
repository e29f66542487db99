using System;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>
    /// The teacher of the imitate task: a hand-written obstacle avoider (a Braitenberg vehicle
    /// with braking) that turns away from what its distance sensors see and slows down when the
    /// way ahead is blocked, smoothed by a 100 ms low-pass like a human thumb on a remote
    /// control. On a device it would be the person with the remote control; its commands reach
    /// the controller as sample channels.
    /// </summary>
    public sealed class Teacher
    {
        private readonly double[] _steer;
        private readonly double[] _front;
        private readonly double _fullScale;
        private readonly double _cruise;
        private readonly double _keep;
        private double _left, _right;

        /// <summary>A teacher for <paramref name="spec"/>'s sensors cruising at <paramref name="cruisePercent"/>, ticks of <paramref name="dtUs"/> µs.</summary>
        public Teacher(RobotSpec spec, int cruisePercent, int dtUs)
        {
            int[] steer = RobotSetup.SteeringPerMille(spec);
            int[] front = RobotSetup.FrontPerMille(spec);
            _steer = new double[steer.Length];
            _front = new double[front.Length];
            for (int i = 0; i < steer.Length; i++) { _steer[i] = steer[i] / 1000.0; _front[i] = front[i] / 1000.0; }
            _fullScale = spec.SensorRangeMm;
            _cruise = cruisePercent;
            _keep = 1 - dtUs / 1e6 / TauS;
            _left = _right = cruisePercent;
        }

        /// <summary>Smoothing time constant of the commands, s.</summary>
        public const double TauS = 0.1;

        /// <summary>Turn command per unit of steering, %.</summary>
        public const double TurnGain = 60;

        /// <summary>The latest left and right commands, %.</summary>
        public int Left => (int)Math.Round(_left, MidpointRounding.ToEven);

        /// <summary>The latest right command, %.</summary>
        public int Right => (int)Math.Round(_right, MidpointRounding.ToEven);

        /// <summary>Decides this tick's commands from the proximity samples [0..S).</summary>
        public void Update(int[] samples)
        {
            double steer = 0, blocked = 0;
            for (int i = 0; i < _steer.Length; i++)
            {
                double p = samples[i] / _fullScale;
                steer += _steer[i] * p;
                blocked += _front[i] * p;
            }
            double turn = steer + (steer >= 0 ? 0.5 : -0.5) * blocked;
            double turnCommand = Math.Clamp(TurnGain * turn, -80, 80);
            double speed = _cruise * (1 - 0.6 * Math.Min(1, blocked));
            double left = Math.Clamp(speed + turnCommand, -100, 100);
            double right = Math.Clamp(speed - turnCommand, -100, 100);
            _left = _left * _keep + left * (1 - _keep);
            _right = _right * _keep + right * (1 - _keep);
        }
    }

    /// <summary>
    /// A remote control between the controller and the robot, as a board would wire one: its
    /// commands and its teach switch are three extra sample channels after the robot's own, and
    /// while it overrides, the motors follow it instead of the controller.
    /// </summary>
    public sealed class RemoteControl : ISensorInputs, IActuatorOutputs
    {
        private readonly RobotWorld _world;
        private readonly int[] _teacherCommands = new int[2];

        /// <summary>Puts a remote control driven by <paramref name="teacher"/> between a controller and <paramref name="world"/>.</summary>
        public RemoteControl(RobotWorld world, Teacher teacher)
        {
            _world = world;
            Teacher = teacher;
            Channels = world.Channels + 3;
        }

        /// <summary>The teacher.</summary>
        public readonly Teacher Teacher;

        /// <summary>Whether the teach switch is on (the controller learns from the teacher's commands).</summary>
        public bool Teaching;

        /// <summary>Whether the teacher's commands drive the motors (otherwise the controller's do).</summary>
        public bool Overrides;

        /// <summary>The robot's channels plus the teacher's two commands and the teach switch.</summary>
        public int Channels { get; }

        /// <summary>Two motors.</summary>
        int IActuatorOutputs.Channels => 2;

        /// <summary>Sample channel of the teacher's left command.</summary>
        public int TeacherChannel => _world.Channels;

        /// <inheritdoc/>
        public bool TryRead(int[] samples)
        {
            bool ok = _world.TryRead(samples);
            Teacher.Update(samples);
            int n = _world.Channels;
            samples[n] = Teacher.Left;
            samples[n + 1] = Teacher.Right;
            samples[n + 2] = Teaching ? 1 : 0;
            return ok;
        }

        /// <inheritdoc/>
        public void Write(int[] commandsPercent)
        {
            if (!Overrides)
            {
                _world.Write(commandsPercent);
                return;
            }
            _teacherCommands[0] = Teacher.Left;
            _teacherCommands[1] = Teacher.Right;
            _world.Write(_teacherCommands);
        }
    }
}
