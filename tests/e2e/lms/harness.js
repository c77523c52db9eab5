/*
 * A minimal LMS for the browser tests: reads the package's imsmanifest.xml like an LMS would
 * (launch file, mastery score), creates window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004)
 * with scorm-again, loads the learner's stored CMI data from a previous launch (the test passes it
 * in window.__lmsInitial), opens the launch file in a frame and records every commit.
 *   harness.html?v=1.2|2004&pkg=/lms/a/b/scorm12/course/&mode=ok|error
 * window.lmsLog: { commits, finished, data (flattened CMI after the last commit/finish), calls }.
 * mode=error: an API whose writes and commits fail with error 101 (the course must keep working).
 */
(function () {
	'use strict';
	var params = new URLSearchParams(location.search);
	var version = params.get('v') === '2004' ? '2004' : '1.2';
	var pkg = params.get('pkg') || '/lms/a/b/scorm12/course/';
	var mode = params.get('mode') || 'ok';
	var log = (window.lmsLog = { version: version, commits: 0, initialized: 0, finished: false, data: null, calls: [] });

	function failingApi() {
		var last = '0';
		var ok = function (r) {
			last = '0';
			return r;
		};
		var fail = function () {
			last = '101';
			return 'false';
		};
		var api = {
			init: function () {
				log.initialized++;
				return ok('true');
			},
			get: function () {
				return ok('');
			},
			set: fail,
			commit: fail,
			finish: function () {
				log.finished = true;
				return ok('true');
			},
			err: function () {
				return last;
			},
			str: function () {
				return 'General exception';
			},
		};
		return version === '1.2'
			? { LMSInitialize: api.init, LMSFinish: api.finish, LMSGetValue: api.get, LMSSetValue: api.set, LMSCommit: api.commit, LMSGetLastError: api.err, LMSGetErrorString: api.str, LMSGetDiagnostic: api.str }
			: { Initialize: api.init, Terminate: api.finish, GetValue: api.get, SetValue: api.set, Commit: api.commit, GetLastError: api.err, GetErrorString: api.str, GetDiagnostic: api.str };
	}

	function scormAgainApi(masteryText) {
		var settings = { logLevel: 5, autocommit: false, lmsCommitUrl: false };
		var api = version === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
		var initial = window.__lmsInitial || {};
		var data = {};
		Object.keys(initial).forEach(function (k) {
			if (typeof initial[k] === 'string' && initial[k] !== '') data[k] = initial[k];
		});
		var resumed = Object.keys(initial).length > 0;
		// What an LMS does between launches: session values are not carried over; a suspended
		// attempt resumes.
		['cmi.core.exit', 'cmi.core.session_time', 'cmi.exit', 'cmi.session_time', 'cmi.core.entry', 'cmi.entry', 'cmi.core.total_time', 'cmi.total_time'].forEach(function (k) {
			delete data[k];
		});
		data[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = resumed ? 'resume' : 'ab-initio';
		data[version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id'] = 'learner-001';
		if (masteryText) data[version === '1.2' ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score'] = masteryText;
		api.loadFromFlattenedJSON(data, '');
		var snapshot = function () {
			log.data = api.getFlattenedCMI();
		};
		api.on(version === '1.2' ? 'LMSInitialize' : 'Initialize', function () {
			log.initialized++;
		});
		api.on(version === '1.2' ? 'LMSCommit' : 'Commit', function () {
			log.commits++;
			snapshot();
		});
		api.on(version === '1.2' ? 'LMSFinish' : 'Terminate', function () {
			log.finished = true;
			snapshot();
		});
		return api;
	}

	fetch(pkg + 'imsmanifest.xml')
		.then(function (r) {
			return r.text();
		})
		.then(function (text) {
			var doc = new DOMParser().parseFromString(text, 'application/xml');
			var resource = doc.getElementsByTagNameNS('*', 'resource')[0];
			var launch = resource.getAttribute('href');
			var masteryEl = doc.getElementsByTagNameNS('*', version === '1.2' ? 'masteryscore' : 'minNormalizedMeasure')[0];
			log.launch = launch;
			log.mastery = masteryEl ? masteryEl.textContent : null;
			var api = mode === 'error' ? failingApi() : scormAgainApi(log.mastery);
			if (version === '1.2') window.API = api;
			else window.API_1484_11 = api;
			document.getElementById('sco').src = pkg + launch;
			document.getElementById('status').textContent = 'LMS harness · SCORM ' + version + ' · ' + mode;
		});

	/** "Close" the course like an LMS does: unload the SCO frame. */
	window.closeSco = function () {
		document.getElementById('sco').src = 'about:blank';
	};
})();
