/** Types of mutual legal assistance that may be requested (UNTOC Art. 18(3)(a)-(i)). */
export const ASSISTANCE_TYPES = [
  'taking_evidence',
  'service_of_documents',
  'search_seizure_freezing',
  'examining_objects_and_sites',
  'information_and_expert_evaluations',
  'documents_and_records',
  'tracing_proceeds',
  'voluntary_appearance',
  'other',
] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

export const ASSISTANCE_TYPE_WORDING: Readonly<Record<AssistanceType, string>> = {
  taking_evidence: 'Taking evidence or statements from persons',
  service_of_documents: 'Effecting service of judicial documents',
  search_seizure_freezing: 'Executing searches and seizures, and freezing',
  examining_objects_and_sites: 'Examining objects and sites',
  information_and_expert_evaluations: 'Providing information, evidentiary items and expert evaluations',
  documents_and_records: 'Providing originals or certified copies of relevant documents and records',
  tracing_proceeds: 'Identifying or tracing proceeds of crime, property, instrumentalities or other things',
  voluntary_appearance: 'Facilitating the voluntary appearance of persons in the requesting State',
  other: "Any other type of assistance that is not contrary to the requested State's domestic law",
};
