package org.bomrl.core.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bomrl.api.report.Figure;

import java.util.List;

/** What an experiment hands back for writing: its summary and its figures. */
record ExperimentOutcome(ObjectNode summary, List<Figure> figures) {}
