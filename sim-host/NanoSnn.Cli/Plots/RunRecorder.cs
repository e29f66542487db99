using System;
using System.Collections.Generic;
using NanoSnn.Cli.Scenarios;

namespace NanoSnn.Cli.Plots
{
    /// <summary>
    /// Records what <c>nanosnn run --plot</c> draws: the sensor samples and readout values
    /// (at most 2,000 points each), a spike raster of the first <see cref="RasterTicks"/> ticks
    /// of every spiking non-input population, and each population's rate per 100 ms.
    /// </summary>
    public sealed class RunRecorder
    {
        /// <summary>Ticks covered by the raster.</summary>
        public const int RasterTicks = 1000;

        private const int RateBinTicks = 100;
        private readonly SensorScenario _scenario;
        private readonly int _stride;
        private readonly Population[] _spiking;
        private readonly int[] _rowOffset;
        private readonly long[] _binSpikes;
        private readonly List<double> _time = new List<double>();
        private readonly List<double>[] _samples;
        private readonly List<double>[] _readouts;
        private readonly List<double>[] _rates;
        private readonly List<double> _rateTime = new List<double>();
        private readonly List<int> _rasterTicks = new List<int>(), _rasterNeurons = new List<int>();
        private readonly long _firstTick;
        private int _ticks;

        /// <summary>Prepares to record <paramref name="steps"/> ticks of <paramref name="scenario"/>.</summary>
        public RunRecorder(SensorScenario scenario, int steps)
        {
            _scenario = scenario;
            _firstTick = scenario.Network.Tick;
            _stride = Math.Max(1, steps / 2000);
            var spiking = new List<Population>();
            foreach (Population p in scenario.Network.Populations)
                if (p.IsSpiking && p.Kind != PopulationKind.Input) spiking.Add(p);
            _spiking = spiking.ToArray();
            _rowOffset = new int[_spiking.Length + 1];
            for (int i = 0; i < _spiking.Length; i++) _rowOffset[i + 1] = _rowOffset[i] + _spiking[i].Size;
            _binSpikes = new long[_spiking.Length];
            _samples = NewLists(scenario.Samples.Length);
            _readouts = NewLists(scenario.Readout == null ? 0 : scenario.Readout.Size);
            _rates = NewLists(_spiking.Length);
        }

        private static List<double>[] NewLists(int n)
        {
            var lists = new List<double>[n];
            for (int i = 0; i < n; i++) lists[i] = new List<double>();
            return lists;
        }

        /// <summary>Call after every scenario tick.</summary>
        public void Record()
        {
            int t = _ticks++;
            if (t < RasterTicks)
            {
                for (int p = 0; p < _spiking.Length; p++)
                {
                    Population pop = _spiking[p];
                    for (int k = 0; k < pop.SpikeCount; k++)
                    {
                        _rasterTicks.Add(t);
                        _rasterNeurons.Add(_rowOffset[p] + pop.SpikeList[k]);
                    }
                }
            }
            for (int p = 0; p < _spiking.Length; p++) _binSpikes[p] += _spiking[p].SpikeCount;
            if ((t + 1) % RateBinTicks == 0)
            {
                _rateTime.Add((t + 1) / 1000.0);
                for (int p = 0; p < _spiking.Length; p++)
                {
                    _rates[p].Add(_binSpikes[p] * 1000.0 / RateBinTicks / _spiking[p].Size);
                    _binSpikes[p] = 0;
                }
            }
            if (t % _stride != 0) return;
            _time.Add(t / 1000.0);
            for (int c = 0; c < _samples.Length; c++) _samples[c].Add(_scenario.Samples[c]);
            for (int k = 0; k < _readouts.Length; k++) _readouts[k].Add(_scenario.Readout.ValueQ16[k] / 65536.0);
        }

        /// <summary>The figure: sensors, raster, rates, readouts (when the network has a readout population).</summary>
        public SvgFigure Figure(string title)
        {
            var figure = new SvgFigure(title);
            var sensors = new List<SvgFigure.Series>();
            for (int c = 0; c < _samples.Length; c++) sensors.Add(new SvgFigure.Series("sensor " + c, _time, _samples[c]));
            figure.AddLines("simulated sensor samples (send-on-delta encoded into the input population)", "time (s)", "sensor units", sensors);
            var groups = new List<(int, string)>();
            for (int p = 0; p < _spiking.Length; p++) groups.Add((_rowOffset[p], _spiking[p].Name));
            figure.AddRaster("spikes, first " + Math.Min(_ticks, RasterTicks) + " ticks", _rasterTicks, _rasterNeurons, 0, Math.Min(_ticks, RasterTicks),
                _rowOffset[_spiking.Length], groups);
            var rates = new List<SvgFigure.Series>();
            for (int p = 0; p < _spiking.Length; p++) rates.Add(new SvgFigure.Series(_spiking[p].Name + " (Hz)", _rateTime, _rates[p]));
            figure.AddLines("population rates per 100 ms", "time (s)", "rate (Hz)", rates);
            if (_scenario.Readout == null) return figure; // a --model without a readout population drives no PWM
            var readouts = new List<SvgFigure.Series>();
            for (int k = 0; k < _readouts.Length; k++) readouts.Add(new SvgFigure.Series(_scenario.Readout.Name + "[" + k + "]", _time, _readouts[k]));
            figure.AddLines("readouts y (decoded to PWM duty = 512 + 512·y)", "time (s)", "y", readouts);
            return figure;
        }
    }
}
