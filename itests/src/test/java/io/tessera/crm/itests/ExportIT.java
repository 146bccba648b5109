package io.tessera.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Exporting through REST in the real distribution: who may, the files, and a contacts file read back. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExportIT extends TesseraTestSupport {

    @Test
    public void exportIsForAdminsAndManagersAndReadsBackInExcelFormat() throws Exception {
        admin("POST", "/companies", "{\"name\":\"Экспорт и Ко\",\"tags\":[\"export\"]}");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort()
                        + "/api/v1/exports/companies?format=xlsx&tag=export"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("name", sheet.getRow(0).getCell(2).getStringCellValue());
            assertEquals("Экспорт и Ко", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum());
        }
        Reply csv = admin("GET", "/exports/companies?format=csv&tag=export", null);
        assertTrue(csv.text(), csv.text().contains("Экспорт и Ко"));

        admin("POST", "/users", "{\"username\":\"seller\",\"password\":\"seller-password\",\"role\":\"crm-sales\"}");
        Reply refused = send("GET", "/exports/contacts?format=csv", "seller", "seller-password", null, java.util.Map.of());
        assertEquals(refused.toString(), 403, refused.status());
    }

    /**
     * The contacts export names the companies, so the file links them again (here after the links were taken off);
     * the deals export names the pipeline, stage, company and contacts.
     */
    @Test
    public void exportsNameTheRecordsTheyLinkSoAContactsFileLinksItsCompaniesAgain() throws Exception {
        long first = admin("POST", "/companies", "{\"name\":\"Альфа Строй\"}").json().get("id").asLong();
        long second = admin("POST", "/companies", "{\"name\":\"Beta, Ltd.\"}").json().get("id").asLong();
        long id = admin("POST", "/contacts", "{\"firstName\":\"Нина\",\"lastName\":\"Круглова\",\"emails\":"
                + "[\"nina.kruglova@example.ru\"],\"tags\":[\"roundtrip\"],\"companyIds\":[" + first + ","
                + second + "]}").json().get("id").asLong();
        Reply csv = admin("GET", "/exports/contacts?format=csv&tag=roundtrip", null);
        assertTrue(csv.text(), csv.text().contains(",\"Альфа Строй; Beta, Ltd.\","));
        Reply unlinked = admin("PATCH", "/contacts/" + id, "{\"companyIds\":[]}");
        assertEquals(unlinked.toString(), "[]", unlinked.json().get("companyIds").toString());

        Reply started = uploadImport(csv.text().getBytes(StandardCharsets.UTF_8), "text/csv", "fileName=roundtrip.csv");
        assertEquals(started.toString(), 202, started.status());
        JsonNode job = awaitImportDone(started.json().get("id").asLong());

        assertEquals(job.toString(), 1, job.get("updated").asInt());
        assertEquals("[" + first + "," + second + "]",
                admin("GET", "/contacts/" + id, null).json().get("companyIds").toString());

        admin("POST", "/deals", "{\"title\":\"Кухня Кругловой\",\"companyId\":" + first + ",\"contactIds\":[" + id
                + "]}");
        String deals = admin("GET", "/exports/deals?format=csv&q=" + java.net.URLEncoder.encode("Кухня Кругловой",
                StandardCharsets.UTF_8), null).text();
        assertTrue(deals, deals.contains(",pipelineId,pipeline,stageId,stage,"));
        assertTrue(deals, deals.contains(",Sales,"));
        assertTrue(deals, deals.contains(",New,OPEN,"));
        assertTrue(deals, deals.contains("," + first + ",Альфа Строй," + id + ",Нина Круглова,"));
    }
}
