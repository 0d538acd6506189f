"""Recruitment (candidates move forward to an offer, then are hired) and trainings (enrolment within capacity)."""

from __future__ import annotations

from tests.api.hr.test_employees import department, hire

CREATE_CANDIDATE = """
mutation($input: CreateCandidateInput!) {
  createCandidate(input: $input) { candidate { id stage position { title } } userErrors { field message code } }
}
"""
MOVE = """
mutation($input: MoveCandidateToStageInput!) {
  moveCandidateToStage(input: $input) { candidate { stage } userErrors { field message code } }
}
"""
HIRE_CANDIDATE = """
mutation($input: HireCandidateInput!) {
  hireCandidate(input: $input) {
    candidate { stage hiredEmployee { firstName position { title } department { name } } }
    employee { id lastName }
    userErrors { field message code }
  }
}
"""
CANDIDATES = """
query($filter: CandidateFilter, $orderBy: CandidateOrder) {
  candidates(filter: $filter, orderBy: $orderBy) { totalCount edges { node { lastName stage } } }
}
"""
CREATE_TRAINING = """
mutation($input: CreateTrainingInput!) { createTraining(input: $input) { training { id } userErrors { field message code } } }
"""
ENROL = """
mutation($input: EnrolEmployeeInput!) {
  enrolEmployee(input: $input) { enrolment { id status employee { lastName } training { title } } userErrors { field message code } }
}
"""


async def candidate(graphql, tenant, last_name: str, applied_on: str = "2024-02-01", position_id: str | None = None) -> str:
    variables = {"input": {"firstName": "Sam", "lastName": last_name, "appliedOn": applied_on, "positionId": position_id}}
    return (await graphql.execute(CREATE_CANDIDATE, variables, api_key=tenant.api_key))["createCandidate"]["candidate"]["id"]


async def move(graphql, tenant, candidate_id: str, stage: str) -> dict:
    return (await graphql.execute(MOVE, {"input": {"candidateId": candidate_id, "stage": stage}}, api_key=tenant.api_key))["moveCandidateToStage"]


async def test_a_candidate_moves_forward_to_an_offer_and_is_hired_into_the_position(graphql, tenant):
    engineering = await department(graphql, tenant, "Engineering")
    position = await graphql.execute(
        "mutation($input: CreatePositionInput!) { createPosition(input: $input) { position { id } } }",
        {"input": {"title": "Engineer", "departmentId": engineering}}, api_key=tenant.api_key,
    )
    applicant = await candidate(graphql, tenant, "Shannon", position_id=position["createPosition"]["position"]["id"])

    assert (await move(graphql, tenant, applicant, "INTERVIEW"))["candidate"] == {"stage": "INTERVIEW"}
    assert (await move(graphql, tenant, applicant, "OFFER"))["candidate"] == {"stage": "OFFER"}
    hired = await graphql.execute(
        HIRE_CANDIDATE, {"input": {"candidateId": applicant, "hiredOn": "2024-04-01", "departmentId": engineering}}, api_key=tenant.api_key
    )

    payload = hired["hireCandidate"]
    assert payload["userErrors"] == []
    assert payload["candidate"] == {
        "stage": "HIRED", "hiredEmployee": {"firstName": "Sam", "position": {"title": "Engineer"}, "department": {"name": "Engineering"}}
    }
    assert payload["employee"]["lastName"] == "Shannon"


async def test_a_candidate_never_moves_back_and_is_hired_only_with_an_offer(graphql, tenant):
    engineering = await department(graphql, tenant, "Engineering")
    applicant = await candidate(graphql, tenant, "Shannon")
    await move(graphql, tenant, applicant, "INTERVIEW")

    back = await move(graphql, tenant, applicant, "SCREENING")
    early = await graphql.execute(
        HIRE_CANDIDATE, {"input": {"candidateId": applicant, "hiredOn": "2024-04-01", "departmentId": engineering}}, api_key=tenant.api_key
    )
    employees = await graphql.execute("{ employees { totalCount } }", api_key=tenant.api_key)

    assert back == {"candidate": None, "userErrors": [
        {"field": ["input", "stage"], "message": "cannot move from interview back to screening", "code": "STAGE_NOT_FORWARD"}
    ]}
    assert early["hireCandidate"]["userErrors"][0] | {"message": None} == {"field": ["input", "candidateId"], "message": None, "code": "NO_OFFER"}
    assert employees["employees"]["totalCount"] == 0


async def test_candidates_filter_by_stage_and_order_by_name(graphql, tenant):
    for name, applied_on in (("Hopper", "2024-01-01"), ("Babbage", "2024-03-01"), ("Curie", "2024-02-01")):
        await candidate(graphql, tenant, name, applied_on)
    rejected = await candidate(graphql, tenant, "Darwin", "2024-01-15")
    await move(graphql, tenant, rejected, "REJECTED")

    newest_first = await graphql.execute(CANDIDATES, api_key=tenant.api_key)
    applied = await graphql.execute(
        CANDIDATES, {"filter": {"stage": "APPLIED"}, "orderBy": {"field": "LAST_NAME", "direction": "ASC"}}, api_key=tenant.api_key
    )

    assert [edge["node"]["lastName"] for edge in newest_first["candidates"]["edges"]] == ["Babbage", "Curie", "Darwin", "Hopper"]
    assert [edge["node"]["lastName"] for edge in applied["candidates"]["edges"]] == ["Babbage", "Curie", "Hopper"]


async def test_enrolment_stops_at_the_trainings_capacity(graphql, tenant):
    team = await department(graphql, tenant, "Team")
    first = (await hire(graphql, tenant, team, "Ada", "Lovelace"))["employee"]["id"]
    second = (await hire(graphql, tenant, team, "Alan", "Turing"))["employee"]["id"]
    training = await graphql.execute(
        CREATE_TRAINING, {"input": {"title": "GraphQL basics", "startsOn": "2024-05-01", "capacity": 1}}, api_key=tenant.api_key
    )
    training_id = training["createTraining"]["training"]["id"]

    enrolled = await graphql.execute(ENROL, {"input": {"trainingId": training_id, "employeeId": first}}, api_key=tenant.api_key)
    full = await graphql.execute(ENROL, {"input": {"trainingId": training_id, "employeeId": second}}, api_key=tenant.api_key)
    completed = await graphql.execute(
        "mutation($input: CompleteTrainingInput!) { completeTraining(input: $input) { enrolment { status completedOn } userErrors { code } } }",
        {"input": {"enrolmentId": enrolled["enrolEmployee"]["enrolment"]["id"], "completedOn": "2024-05-02"}}, api_key=tenant.api_key,
    )
    listed = await graphql.execute(
        "{ trainings(first: 10) { edges { node { title enrolments(first: 10) { totalCount edges { node { status employee { lastName } } } } } } } }",
        api_key=tenant.api_key,
    )

    assert enrolled["enrolEmployee"]["enrolment"] | {"id": None} == {
        "id": None, "status": "ENROLLED", "employee": {"lastName": "Lovelace"}, "training": {"title": "GraphQL basics"}
    }
    assert full["enrolEmployee"] == {"enrolment": None, "userErrors": [
        {"field": ["input", "trainingId"], "message": "the training is full", "code": "TRAINING_FULL"}
    ]}
    assert completed["completeTraining"] == {"enrolment": {"status": "COMPLETED", "completedOn": "2024-05-02"}, "userErrors": []}
    [training_row] = listed["trainings"]["edges"]
    assert training_row["node"]["enrolments"] == {"totalCount": 1, "edges": [{"node": {"status": "COMPLETED", "employee": {"lastName": "Lovelace"}}}]}


async def test_a_training_ending_before_it_starts_is_refused(graphql, tenant):
    refused = await graphql.execute(
        CREATE_TRAINING, {"input": {"title": "Backwards", "startsOn": "2024-05-02", "endsOn": "2024-05-01"}}, api_key=tenant.api_key
    )

    assert refused["createTraining"]["userErrors"][0]["field"] == ["input", "endsOn"]
    assert refused["createTraining"]["userErrors"][0]["code"] == "INVALID_DATES"
